using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Server.Data.Migrations.Postgres
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
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    MonitoredSeconds = table.Column<long>(type: "bigint", nullable: false),
                    WornSeconds = table.Column<long>(type: "bigint", nullable: false),
                    LowBattery = table.Column<bool>(type: "boolean", nullable: false),
                    Depletions = table.Column<int>(type: "integer", nullable: false),
                    OutsideSeconds = table.Column<long>(type: "bigint", nullable: false),
                    CriticalViolations = table.Column<int>(type: "integer", nullable: false),
                    HighViolations = table.Column<int>(type: "integer", nullable: false),
                    MediumViolations = table.Column<int>(type: "integer", nullable: false),
                    ReportsDue = table.Column<int>(type: "integer", nullable: false),
                    ReportsOnTime = table.Column<int>(type: "integer", nullable: false),
                    MeasuredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Through = table.Column<DateOnly>(type: "date", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    Tier = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TierSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
