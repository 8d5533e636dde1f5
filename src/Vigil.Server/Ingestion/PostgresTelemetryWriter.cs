using Npgsql;
using NpgsqlTypes;

namespace Vigil.Server.Ingestion;

/// <summary>
/// PostgreSQL: binary COPY into a transaction-local staging table, then one INSERT … SELECT … ON CONFLICT DO
/// NOTHING into the partitioned table, RETURNING what was new. Daily partitions are created before they are needed.
/// </summary>
internal sealed class PostgresTelemetryWriter(NpgsqlDataSource dataSource, TelemetryPartitions partitions) : ITelemetryWriter
{
    private const string Columns = "\"DeviceId\", \"Seq\", \"MeasuredAt\", \"ReceivedAt\", \"Lat\", \"Lon\", \"AccuracyMeters\", \"Cell\", \"BatteryPercent\", \"Message\"";

    public async Task<IReadOnlyList<TelemetryRow>> InsertNewAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct)
    {
        await partitions.EnsureAsync(rows.Select(r => r.MeasuredAt), ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE telemetry_staging (LIKE \"Telemetry\" INCLUDING DEFAULTS) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"COPY telemetry_staging ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.DeviceId, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(row.Seq, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(row.MeasuredAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(row.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(copy, row.Lat, NpgsqlDbType.Double, ct);
                await WriteNullableAsync(copy, row.Lon, NpgsqlDbType.Double, ct);
                await WriteNullableAsync(copy, row.AccuracyMeters, NpgsqlDbType.Double, ct);
                await WriteNullableAsync(copy, row.Cell, NpgsqlDbType.Bigint, ct);
                await WriteNullableAsync(copy, row.BatteryPercent, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(row.Message, NpgsqlDbType.Text, ct);
            }

            await copy.CompleteAsync(ct);
        }

        var byKey = new Dictionary<(string, long), TelemetryRow>();
        foreach (var row in rows)
        {
            byKey.TryAdd((row.DeviceId, row.Seq), row);
        }

        var inserted = new List<TelemetryRow>(rows.Count);
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO \"Telemetry\" ({Columns}) SELECT {Columns} FROM telemetry_staging ON CONFLICT DO NOTHING RETURNING \"IngestId\", \"DeviceId\", \"Seq\"",
            connection, transaction))
        await using (var reader = await insert.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var row = byKey[(reader.GetString(1), reader.GetInt64(2))];
                row.IngestId = reader.GetInt64(0);
                inserted.Add(row);
            }
        }

        await transaction.CommitAsync(ct);
        return inserted;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);
}
