using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TelemetryPartitioned : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Telemetry",
                table: "Telemetry");

            migrationBuilder.AddColumn<long>(
                name: "IngestId",
                table: "Telemetry",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddColumn<long>(
                name: "Cell",
                table: "Telemetry",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Telemetry",
                table: "Telemetry",
                column: "IngestId");

            migrationBuilder.CreateIndex(
                name: "IX_Telemetry_Cell_MeasuredAt",
                table: "Telemetry",
                columns: new[] { "Cell", "MeasuredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Telemetry_DeviceId_IngestId",
                table: "Telemetry",
                columns: new[] { "DeviceId", "IngestId" });

            migrationBuilder.CreateIndex(
                name: "IX_Telemetry_DeviceId_Seq",
                table: "Telemetry",
                columns: new[] { "DeviceId", "Seq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Telemetry",
                table: "Telemetry");

            migrationBuilder.DropIndex(
                name: "IX_Telemetry_Cell_MeasuredAt",
                table: "Telemetry");

            migrationBuilder.DropIndex(
                name: "IX_Telemetry_DeviceId_IngestId",
                table: "Telemetry");

            migrationBuilder.DropIndex(
                name: "IX_Telemetry_DeviceId_Seq",
                table: "Telemetry");

            migrationBuilder.DropColumn(
                name: "IngestId",
                table: "Telemetry");

            migrationBuilder.DropColumn(
                name: "Cell",
                table: "Telemetry");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Telemetry",
                table: "Telemetry",
                columns: new[] { "DeviceId", "Seq" });
        }
    }
}
