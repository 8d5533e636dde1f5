using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ComplianceDays",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MonitoredSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    WornSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    LowBattery = table.Column<bool>(type: "INTEGER", nullable: false),
                    Depletions = table.Column<int>(type: "INTEGER", nullable: false),
                    OutsideSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    CriticalViolations = table.Column<int>(type: "INTEGER", nullable: false),
                    HighViolations = table.Column<int>(type: "INTEGER", nullable: false),
                    MediumViolations = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportsDue = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportsOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasuredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceDays", x => new { x.PersonId, x.Date });
                    table.ForeignKey(
                        name: "FK_ComplianceDays_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ComplianceStandings",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Through = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TierSince = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceStandings", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_ComplianceStandings_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceStandings_Score",
                table: "ComplianceStandings",
                column: "Score");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplianceDays");

            migrationBuilder.DropTable(
                name: "ComplianceStandings");
        }
    }
}
