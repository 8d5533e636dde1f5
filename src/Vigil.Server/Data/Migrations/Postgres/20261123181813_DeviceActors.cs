using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Server.Data.Migrations.Postgres
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
                    DeviceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Watermark = table.Column<long>(type: "bigint", nullable: false),
                    NextDeadlineAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<string>(type: "text", nullable: false),
                    LastReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastFixAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastLat = table.Column<double>(type: "double precision", nullable: true),
                    LastLon = table.Column<double>(type: "double precision", nullable: true),
                    LastAccuracyMeters = table.Column<double>(type: "double precision", nullable: true),
                    BatteryPercent = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
