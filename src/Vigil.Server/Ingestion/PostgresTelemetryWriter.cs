using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Vigil.Server.Ingestion;

/// <summary>
/// PostgreSQL: binary COPY straight into the daily partitions, the ids drawn from the table's sequence beforehand (in
/// the same round trip as the check below, when there is one). COPY cannot skip a duplicate, so a batch is first
/// copied as it is — a resend is rare — and when the unique key refuses it (a message already stored), it is done again
/// in a new transaction after asking the store which of its keys it already holds, and only the others are copied.
/// Several lanes may commit at once (<see cref="IngestionOptions.PostgresWriters"/>), each batch on its own pooled
/// connection; a device always uses the same lane, so no two lanes write the same key. Daily partitions are created
/// before they are needed.
/// </summary>
internal sealed class PostgresTelemetryWriter(NpgsqlDataSource dataSource, TelemetryPartitions partitions, IOptions<IngestionOptions> options)
    : ITelemetryWriter
{
    private const string Columns = "\"IngestId\", \"DeviceId\", \"Seq\", \"MeasuredAt\", \"ReceivedAt\", \"Lat\", \"Lon\", \"AccuracyMeters\", \"Cell\", \"BatteryPercent\", \"Message\"";

    /// <summary>How often a batch is checked and copied again when another writer (another node) stored one of its keys meanwhile.</summary>
    private const int Attempts = 3;

    /// <summary>The keys of the batch already stored: one index probe per key (LATERAL … LIMIT 1 keeps it a probe, pruned to one partition).</summary>
    private const string StoredKeys = """
        SELECT k.d, k.s, k.m FROM unnest($1::varchar[], $2::bigint[], $3::timestamptz[]) AS k(d, s, m)
        CROSS JOIN LATERAL (SELECT 1 FROM "Telemetry" t WHERE t."DeviceId" = k.d AND t."Seq" = k.s AND t."MeasuredAt" = k.m LIMIT 1) AS hit
        """;

    private const string NextIds = """SELECT nextval('"Telemetry_IngestId_seq"') FROM generate_series(1, $1)""";

    public int Lanes => options.Value.PostgresWriters;

    public async Task<IReadOnlyList<TelemetryRow>> InsertNewAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct)
    {
        await partitions.EnsureAsync(rows.Select(r => r.MeasuredAt), ct);

        // Twice in one batch: the first is the message, the second its resend.
        var seen = new HashSet<(string, long, DateTimeOffset)>(rows.Count);
        var unique = rows.Where(r => seen.Add((r.DeviceId, r.Seq, r.MeasuredAt))).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CopyAsync(unique, checkStored: attempt > 1, ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < Attempts)
            {
                // Some of these messages are stored already: check, then copy only the others.
            }
        }
    }

    private async Task<IReadOnlyList<TelemetryRow>> CopyAsync(List<TelemetryRow> rows, bool checkStored, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var fresh = rows;
        if (checkStored)
        {
            var stored = await StoredAsync(connection, transaction, rows, ct);
            fresh = [.. rows.Where(r => !stored.Contains((r.DeviceId, r.Seq, r.MeasuredAt)))];
            if (fresh.Count == 0)
            {
                return [];
            }
        }

        var ids = await NextIdsAsync(connection, transaction, fresh.Count, ct);
        for (var i = 0; i < fresh.Count; i++)
        {
            // Not yet visible to anyone: the ids count only once committed (a failed attempt draws new ones).
            fresh[i].IngestId = ids[i];
        }

        foreach (var day in fresh.GroupBy(r => DateOnly.FromDateTime(r.MeasuredAt.UtcDateTime)))
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY \"{TelemetryPartitions.NameOf(day.Key)}\" ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in day)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.IngestId, NpgsqlDbType.Bigint, ct);
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

        await transaction.CommitAsync(ct);
        return fresh;
    }

    private static async Task<HashSet<(string, long, DateTimeOffset)>> StoredAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<TelemetryRow> rows, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand(StoredKeys, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.DeviceId)] },
                new NpgsqlParameter<long[]> { TypedValue = [.. rows.Select(r => r.Seq)] },
                new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. rows.Select(r => r.MeasuredAt)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            },
        };
        var stored = new HashSet<(string, long, DateTimeOffset)>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            stored.Add((reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return stored;
    }

    private static async Task<long[]> NextIdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int count, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand(NextIds, connection, transaction) { Parameters = { new NpgsqlParameter<int> { TypedValue = count } } };
        var ids = new long[count];
        var i = 0;
        await using (var reader = await query.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids[i++] = reader.GetInt64(0);
            }
        }

        // In the order they were drawn: a device's rows keep their upload order.
        Array.Sort(ids);
        return ids;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);
}
