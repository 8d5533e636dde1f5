using Microsoft.Extensions.Options;
using Vigil.Server.Mqtt;

namespace Vigil.Server.Compliance;

/// <summary>
/// Keeps the compliance scores current: every <see cref="ComplianceJobOptions.RecomputeEvery"/> on the injected clock it
/// measures the days still open to change and recomputes the scores; a person whose tier changed has their device told
/// the tier's reporting interval.
/// </summary>
public sealed class ComplianceJob(IServiceScopeFactory scopes, DeviceCommands commands, TimeProvider clock, IOptions<ComplianceJobOptions> options,
    ILogger<ComplianceJob> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Raised after every periodic pass with its time.</summary>
    public event Action<DateTimeOffset>? PassCompleted;

    /// <summary>One pass at <paramref name="now"/>; returns the tier changes.</summary>
    public async Task<IReadOnlyList<TierChange>> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var changes = await scope.ServiceProvider.GetRequiredService<ComplianceBook>().RefreshAsync(now, ct);
            foreach (var change in changes.Where(c => c.DeviceId is not null && c.To is not null))
            {
                await commands.SetReportIntervalAsync(change.DeviceId!, options.Value.IntervalOf(change.To), $"compliance-tier:{change.To!.Value.ToString().ToLowerInvariant()}", ct);
            }

            logger.CompliancePassed(changes.Count);
            return changes;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecomputeEvery, clock);
        try
        {
            // A pass at start, so a fresh server has scores before the first period is over.
            do
            {
                var now = clock.GetUtcNow();
                try
                {
                    await RunAsync(now, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One failed pass must not stop the scores for good.
                    logger.CompliancePassFailed(e);
                }

                PassCompleted?.Invoke(now);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
