using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The daily partitions of the PostgreSQL telemetry table (by UTC day of measurement): created before a row
/// needs one, dropped whole when older than the retention period — no row-by-row deletes.
/// <para>
/// A day's partition takes rows until its last buffered upload can arrive (72 h after the day), and only inserts:
/// PostgreSQL's insert-triggered autovacuum would scan and freeze it again after every fifth of growth, a worker
/// busy for tens of seconds beside the writers — at 10,000 msg/s on two cores it held PUBACKs up to 3.5 s
/// (docs/benchmarks.md). So partitions are created without it (<c>autovacuum_vacuum_insert_threshold = -1</c>;
/// autoanalyze and the anti-wraparound vacuum still run) and are vacuumed once when they are closed
/// (<see cref="VacuumClosedAsync"/>), which sets the visibility map the place searches' index-only scans use.
/// </para>
/// </summary>
internal sealed class TelemetryPartitions(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<DateOnly, bool> _known = new();

    public async Task EnsureAsync(IEnumerable<DateTimeOffset> instants, CancellationToken ct)
    {
        foreach (var day in instants.Select(i => DateOnly.FromDateTime(i.UtcDateTime)).Distinct())
        {
            if (_known.ContainsKey(day))
            {
                continue;
            }

            await using var command = dataSource.CreateCommand(
                $"""CREATE TABLE IF NOT EXISTS "{NameOf(day)}" PARTITION OF "Telemetry" FOR VALUES FROM ('{Iso(day)}') TO ('{Iso(day.AddDays(1))}') WITH (autovacuum_vacuum_insert_threshold = -1)""");
            try
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
            {
                // Another writer created it at the same moment.
            }

            _known[day] = true;
        }
    }

    /// <summary>Drops every partition whose whole day is before <paramref name="keepFrom"/>; returns their names.</summary>
    public async Task<IReadOnlyList<string>> DropBeforeAsync(DateOnly keepFrom, CancellationToken ct)
    {
        var dropped = new List<string>();
        foreach (var (name, _) in await ListAsync(ct))
        {
            if (DayOf(name) is { } day && day < keepFrom)
            {
                await using var drop = dataSource.CreateCommand($"""DROP TABLE IF EXISTS "{name}" """);
                await drop.ExecuteNonQueryAsync(ct);
                _known.TryRemove(day, out _);
                dropped.Add(name);
            }
        }

        return dropped;
    }

    /// <summary>
    /// Vacuums (freeze, analyze) each partition whose day closed before <paramref name="closedBefore"/> and that was
    /// never vacuumed by hand; returns their names. Once per partition: a closed day takes no more rows.
    /// </summary>
    public async Task<IReadOnlyList<string>> VacuumClosedAsync(DateOnly closedBefore, CancellationToken ct)
    {
        var vacuumed = new List<string>();
        foreach (var (name, lastVacuum) in await ListAsync(ct))
        {
            if (lastVacuum is null && DayOf(name) is { } day && day < closedBefore)
            {
                // VACUUM cannot run in a transaction block: a command of its own, outside any.
                await using var vacuum = dataSource.CreateCommand($"""VACUUM (FREEZE, ANALYZE) "{name}" """);
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync(ct);
                vacuumed.Add(name);
            }
        }

        return vacuumed;
    }

    /// <summary>The partitions, each with when it was last vacuumed by hand (null: never).</summary>
    private async Task<List<(string Name, DateTime? LastVacuum)>> ListAsync(CancellationToken ct)
    {
        await using var list = dataSource.CreateCommand("""
            SELECT c.relname, s.last_vacuum FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
            WHERE p.relname = 'Telemetry'
            """);
        var partitions = new List<(string, DateTime?)>();
        await using var reader = await list.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            partitions.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1)));
        }

        return partitions;
    }

    internal static string NameOf(DateOnly day) => "Telemetry_" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static DateOnly? DayOf(string name) =>
        name.StartsWith("Telemetry_", StringComparison.Ordinal)
        && DateOnly.TryParseExact(name["Telemetry_".Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00+00";
}
