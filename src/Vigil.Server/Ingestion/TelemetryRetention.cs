using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Server.Data;

namespace Vigil.Server.Ingestion;

/// <summary>
/// Keeps telemetry for <see cref="IngestionOptions.RetentionDays"/>: on PostgreSQL by dropping whole daily
/// partitions, on SQLite by deleting old rows in chunks. Runs at start and then every hour.
/// </summary>
internal sealed class TelemetryRetention(IServiceScopeFactory scopes, IOptions<IngestionOptions> options, TimeProvider clock,
    ILogger<TelemetryRetention> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                await RunOnceAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.RetentionFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Drops the days that are wholly older than the retention period as of <paramref name="now"/>; returns the rows
    /// (SQLite) or partitions (PostgreSQL) removed. On PostgreSQL it also vacuums the partitions of closed days, once.
    /// </summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-options.Value.RetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<TelemetryPartitions>() is { } partitions)
        {
            var dropped = await partitions.DropBeforeAsync(cutoff, ct);
            if (dropped.Count > 0)
            {
                logger.TelemetryRetained(dropped.Count, 0, cutoff.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            }

            // A day is closed once its last buffered upload can no longer come (72 h after it ended), with a day's margin.
            var closedBefore = DateOnly.FromDateTime(now.UtcDateTime.AddHours(-72)).AddDays(-1);
            foreach (var name in await partitions.VacuumClosedAsync(closedBefore, ct))
            {
                logger.TelemetryPartitionVacuumed(name);
            }

            return dropped.Count;
        }

        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var before = new DateTimeOffset(cutoff.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var total = 0;
        int deleted;
        do
        {
            var chunk = await db.Telemetry.Where(t => t.MeasuredAt < before).OrderBy(t => t.IngestId).Select(t => t.IngestId).Take(10_000).ToListAsync(ct);
            deleted = chunk.Count == 0 ? 0 : await db.Telemetry.Where(t => chunk.Contains(t.IngestId)).ExecuteDeleteAsync(ct);
            total += deleted;
        }
        while (deleted > 0);

        if (total > 0)
        {
            logger.TelemetryRetained(0, total, cutoff.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        return total;
    }
}
