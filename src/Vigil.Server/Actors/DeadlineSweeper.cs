using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Server.Data;

namespace Vigil.Server.Actors;

/// <summary>
/// Durable deadlines: every actor stores when it must next be woken; this sweep (on every node) wakes the due
/// ones. A restart or a lost node forgets nothing, because the deadline is a column, not a timer; a deadline fires
/// once, because the actor's open conditions are committed with the alert they raised.
/// </summary>
internal sealed class DeadlineSweeper(IServiceScopeFactory scopes, DeviceGrains grains, IOptions<ActorOptions> options, TimeProvider clock,
    ILogger<DeadlineSweeper> logger) : BackgroundService
{
    private const int Batch = 1_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CatchUpAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.SweepFailed(e);
            }
        }
    }

    /// <summary>Ticks every actor whose deadline has come; returns how many.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var total = 0;
        var now = clock.GetUtcNow();
        List<string> due;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            due = await db.DeviceTwins.Where(t => t.NextDeadlineAt <= now).OrderBy(t => t.NextDeadlineAt).Select(t => t.DeviceId).Take(Batch).ToListAsync(ct);
            await Task.WhenAll(due.Select(id => TickAsync(id)));
            total += due.Count;
        }
        while (due.Count == Batch);

        return total;
    }

    /// <summary>
    /// At start: wakes every device with stored telemetry its actor has not evaluated (the process stopped between
    /// the store's commit and the actor's), so that their alerts are not left waiting for the next message.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var behind = await db.Devices.Select(d => d.DeviceId)
            .Where(id => db.Telemetry.Any(t => t.DeviceId == id
                && t.IngestId > (db.DeviceTwins.Where(w => w.DeviceId == id).Select(w => (long?)w.Watermark).FirstOrDefault() ?? 0)))
            .ToListAsync(ct);
        await Task.WhenAll(behind.Select(id => grains[id].RefreshAsync()));
        return behind.Count;
    }

    private async Task TickAsync(string deviceId)
    {
        try
        {
            await grains[deviceId].TickAsync();
        }
        catch (Exception e)
        {
            logger.DeliveryFailed(e, deviceId);
        }
    }
}
