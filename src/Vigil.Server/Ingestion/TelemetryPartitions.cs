using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The daily partitions of the PostgreSQL telemetry table (by UTC day of measurement): created before a row
/// needs one, dropped whole when older than the retention period — no row-by-row deletes.
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
                $"""CREATE TABLE IF NOT EXISTS "{NameOf(day)}" PARTITION OF "Telemetry" FOR VALUES FROM ('{Iso(day)}') TO ('{Iso(day.AddDays(1))}')""");
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
        await using var list = dataSource.CreateCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = 'Telemetry'
            """);
        var names = new List<string>();
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
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

    internal static string NameOf(DateOnly day) => "Telemetry_" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static DateOnly? DayOf(string name) =>
        name.StartsWith("Telemetry_", StringComparison.Ordinal)
        && DateOnly.TryParseExact(name["Telemetry_".Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00+00";
}
