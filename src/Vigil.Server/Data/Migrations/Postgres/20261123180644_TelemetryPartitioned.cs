using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigil.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TelemetryPartitioned : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The telemetry table becomes partitioned by UTC day of measurement, so retention drops whole days.
            // A unique key on a partitioned table must hold the partition key: (DeviceId, Seq, MeasuredAt) still
            // catches every resend, which repeats the message and its time exactly.
            migrationBuilder.Sql("""
                ALTER TABLE "Telemetry" RENAME TO "TelemetryUnpartitioned";
                ALTER TABLE "TelemetryUnpartitioned" RENAME CONSTRAINT "PK_Telemetry" TO "PK_TelemetryUnpartitioned";
                DROP INDEX "IX_Telemetry_DeviceId_MeasuredAt";
                CREATE SEQUENCE "Telemetry_IngestId_seq" AS bigint;
                CREATE TABLE "Telemetry" (
                    "IngestId" bigint NOT NULL DEFAULT nextval('"Telemetry_IngestId_seq"'),
                    "DeviceId" character varying(40) NOT NULL,
                    "Seq" bigint NOT NULL,
                    "MeasuredAt" timestamp with time zone NOT NULL,
                    "ReceivedAt" timestamp with time zone NOT NULL,
                    "Lat" double precision NULL,
                    "Lon" double precision NULL,
                    "AccuracyMeters" double precision NULL,
                    "Cell" bigint NULL,
                    "BatteryPercent" integer NULL,
                    "Message" text NOT NULL,
                    CONSTRAINT "PK_Telemetry" PRIMARY KEY ("DeviceId", "Seq", "MeasuredAt")
                ) PARTITION BY RANGE ("MeasuredAt");
                ALTER SEQUENCE "Telemetry_IngestId_seq" OWNED BY "Telemetry"."IngestId";
                CREATE INDEX "IX_Telemetry_DeviceId_MeasuredAt" ON "Telemetry" ("DeviceId", "MeasuredAt");
                CREATE INDEX "IX_Telemetry_DeviceId_IngestId" ON "Telemetry" ("DeviceId", "IngestId");
                CREATE INDEX "IX_Telemetry_Cell_MeasuredAt" ON "Telemetry" ("Cell", "MeasuredAt");
                DO $$
                DECLARE d date;
                BEGIN
                    FOR d IN SELECT DISTINCT ("MeasuredAt" AT TIME ZONE 'UTC')::date FROM "TelemetryUnpartitioned" LOOP
                        EXECUTE format('CREATE TABLE %I PARTITION OF "Telemetry" FOR VALUES FROM (%L) TO (%L)',
                            'Telemetry_' || to_char(d, 'YYYYMMDD'), d::text || ' 00:00:00+00', (d + 1)::text || ' 00:00:00+00');
                    END LOOP;
                END $$;
                INSERT INTO "Telemetry" ("DeviceId", "Seq", "MeasuredAt", "ReceivedAt", "Lat", "Lon", "AccuracyMeters", "BatteryPercent", "Message")
                    SELECT "DeviceId", "Seq", "MeasuredAt", "ReceivedAt", "Lat", "Lon", "AccuracyMeters", "BatteryPercent", "Message"
                    FROM "TelemetryUnpartitioned" ORDER BY "ReceivedAt", "Seq";
                DROP TABLE "TelemetryUnpartitioned";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Telemetry" RENAME TO "TelemetryPartitioned";
                ALTER TABLE "TelemetryPartitioned" RENAME CONSTRAINT "PK_Telemetry" TO "PK_TelemetryPartitioned";
                DROP INDEX "IX_Telemetry_DeviceId_MeasuredAt";
                DROP INDEX "IX_Telemetry_DeviceId_IngestId";
                DROP INDEX "IX_Telemetry_Cell_MeasuredAt";
                CREATE TABLE "Telemetry" (
                    "DeviceId" character varying(40) NOT NULL,
                    "Seq" bigint NOT NULL,
                    "MeasuredAt" timestamp with time zone NOT NULL,
                    "ReceivedAt" timestamp with time zone NOT NULL,
                    "Lat" double precision NULL,
                    "Lon" double precision NULL,
                    "AccuracyMeters" double precision NULL,
                    "BatteryPercent" integer NULL,
                    "Message" text NOT NULL,
                    CONSTRAINT "PK_Telemetry" PRIMARY KEY ("DeviceId", "Seq")
                );
                CREATE INDEX "IX_Telemetry_DeviceId_MeasuredAt" ON "Telemetry" ("DeviceId", "MeasuredAt");
                INSERT INTO "Telemetry" SELECT DISTINCT ON ("DeviceId", "Seq") "DeviceId", "Seq", "MeasuredAt", "ReceivedAt", "Lat", "Lon",
                    "AccuracyMeters", "BatteryPercent", "Message" FROM "TelemetryPartitioned";
                DROP TABLE "TelemetryPartitioned";
                """);
        }
    }
}
