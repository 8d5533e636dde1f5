using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain.Rules;
using Vigil.Server.Compliance;
using Vigil.Server.Data;
using Vigil.Server.Mqtt;

namespace Vigil.Server.Health;

/// <summary>
/// Sends the rules' vitals watches to the band as <c>report-interval</c> commands: a watch begun asks for
/// <see cref="VitalsWatch.IntervalSeconds"/> until its end; a watch over gives back the interval of the person's compliance
/// tier (the good tier's when not scored yet). Only the last watch of an evaluation is sent: the command is retained, so
/// the newest is the one that counts.
/// </summary>
public sealed class VitalsWatchCommands(DeviceCommands commands, IServiceScopeFactory scopes, IOptions<ComplianceJobOptions> compliance,
    ILogger<VitalsWatchCommands> logger)
{
    public const string WatchReason = "vitals-watch";
    public const string OverReason = "vitals-watch-over";

    /// <summary>Sends the last of <paramref name="watches"/>; a failure is logged, never thrown (the alerts are committed already).</summary>
    public async Task SendAsync(string deviceId, Guid? personId, IReadOnlyList<VitalsWatch> watches, CancellationToken ct)
    {
        if (watches.Count == 0)
        {
            return;
        }

        var watch = watches[^1];
        try
        {
            if (watch.Started)
            {
                await commands.SetReportIntervalAsync(deviceId, watch.IntervalSeconds, WatchReason, ct, watch.Until);
                return;
            }

            await commands.SetReportIntervalAsync(deviceId, compliance.Value.IntervalOf(await TierAsync(personId, ct)), OverReason, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The band falls back by itself at the watch's end; a lost command costs speed, not safety.
            logger.VitalsWatchCommandFailed(e, deviceId);
        }
    }

    private async Task<Domain.Compliance.ComplianceTier?> TierAsync(Guid? personId, CancellationToken ct)
    {
        if (personId is not { } id)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigilDbContext>().ComplianceStandings.AsNoTracking()
            .Where(s => s.PersonId == id).Select(s => s.Tier).FirstOrDefaultAsync(ct);
    }
}
