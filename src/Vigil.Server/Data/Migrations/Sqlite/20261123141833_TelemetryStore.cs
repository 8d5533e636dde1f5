using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TelemetryStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Telemetry",
                columns: table => new
                {
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    MeasuredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    AccuracyMeters = table.Column<double>(type: "REAL", nullable: true),
                    BatteryPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    Message = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Telemetry", x => new { x.DeviceId, x.Seq });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Telemetry_DeviceId_MeasuredAt",
                table: "Telemetry",
                columns: new[] { "DeviceId", "MeasuredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Telemetry");
        }
    }
}
