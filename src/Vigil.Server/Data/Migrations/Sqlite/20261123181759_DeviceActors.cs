using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeviceActors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeviceTwins",
                columns: table => new
                {
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Watermark = table.Column<long>(type: "INTEGER", nullable: false),
                    NextDeadlineAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    LastReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastFixAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastLat = table.Column<double>(type: "REAL", nullable: true),
                    LastLon = table.Column<double>(type: "REAL", nullable: true),
                    LastAccuracyMeters = table.Column<double>(type: "REAL", nullable: true),
                    BatteryPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceTwins", x => x.DeviceId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceTwins_NextDeadlineAt",
                table: "DeviceTwins",
                column: "NextDeadlineAt");

            migrationBuilder.CreateIndex(
                name: "IX_DeviceTwins_PersonId",
                table: "DeviceTwins",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceTwins");
        }
    }
}
