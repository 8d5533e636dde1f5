using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Options;
using Vigil.Server.Data;

namespace Vigil.Server.Ingestion;

/// <summary>
/// SQLite: one prepared INSERT … ON CONFLICT DO NOTHING per row inside one transaction (WAL mode), so a batch
/// costs one fsync. Times are stored as EF stores them on SQLite, so EF reads the rows back unchanged. This writer is
/// the table's only writer (SQLite is one node), so inside the transaction the AUTOINCREMENT ids are the next ones
/// after <c>sqlite_sequence</c>: no per-row RETURNING reader is needed.
/// </summary>
internal sealed class SqliteTelemetryWriter(IOptions<StorageOptions> storage) : ITelemetryWriter, IDisposable
{
    private static readonly Func<object?, object?> ToStored = new DateTimeOffsetToBinaryConverter().ConvertToProvider;
    private SqliteConnection? _connection;

    /// <summary>One: SQLite takes one writer at a time, and the ids below assume no other.</summary>
    public int Lanes => 1;

    public async Task<IReadOnlyList<TelemetryRow>> InsertNewAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        long lastId;
        await using (var sequence = connection.CreateCommand())
        {
            sequence.Transaction = transaction;
            sequence.CommandText = """SELECT coalesce((SELECT "seq" FROM sqlite_sequence WHERE "name" = 'Telemetry'), 0)""";
            lastId = (long)(await sequence.ExecuteScalarAsync(ct))!;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Telemetry" ("DeviceId", "Seq", "MeasuredAt", "ReceivedAt", "Lat", "Lon", "AccuracyMeters", "Cell", "BatteryPercent", "Message")
            VALUES ($device, $seq, $measured, $received, $lat, $lon, $acc, $cell, $battery, $message)
            ON CONFLICT DO NOTHING
            """;
        var parameters = new[] { "$device", "$seq", "$measured", "$received", "$lat", "$lon", "$acc", "$cell", "$battery", "$message" }
            .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();

        var inserted = new List<TelemetryRow>(rows.Count);
        foreach (var row in rows)
        {
            object?[] values = [row.DeviceId, row.Seq, ToStored(row.MeasuredAt), ToStored(row.ReceivedAt), row.Lat, row.Lon,
                row.AccuracyMeters, row.Cell, row.BatteryPercent, row.Message];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            if (insert.ExecuteNonQuery() == 1)
            {
                row.IngestId = ++lastId;
                inserted.Add(row);
            }
        }

        await transaction.CommitAsync(ct);
        return inserted;
    }

    public void Dispose() => _connection?.Dispose();

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            return _connection;
        }

        _connection?.Dispose();
        _connection = new SqliteConnection($"Data Source={storage.Value.SqlitePath};Pooling=False;Default Timeout=30");
        await _connection.OpenAsync(ct);
        await using var pragma = _connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL;";
        await pragma.ExecuteNonQueryAsync(ct);
        return _connection;
    }
}
