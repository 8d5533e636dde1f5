using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Alerts;
using Vigil.Domain.Rules;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Live;
using Vigil.Server.Outbound;
using Vigil.Server.Rules;

namespace Vigil.Server.Actors;

/// <summary>
/// What leaves the actors: alert changes go into the webhook outbox (in the actor's transaction) and, with new
/// positions, to the live feed (after the commit). Webhook payloads carry no position or health value.
/// </summary>
public sealed class LiveUpdates(LiveFeed feed, IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<Guid, string> _provinceOfUnit = new();

    /// <summary>Adds one outbox message per alert raised or changed (kind <c>alert.{what}</c>), to be committed with them.</summary>
    public static void Enqueue(VigilDbContext db, IEnumerable<Alert> alerts, DateTimeOffset now, string? what = null)
    {
        foreach (var alert in alerts)
        {
            Outbox.Enqueue(db, "alert." + (what ?? (alert.ConditionEndedAt is null ? "raised" : "condition-ended")), new
            {
                alertId = alert.Id,
                personId = alert.PersonId,
                unitId = alert.UnitId,
                provinceCode = alert.ProvinceCode,
                communeCode = alert.CommuneCode,
                rule = alert.Rule.ToString(),
                violationNumber = alert.ViolationNumber,
                severity = alert.Severity.ToString(),
                state = alert.State.ToString(),
                conditionSince = alert.ConditionSince,
                raisedAt = alert.RaisedAt,
                conditionEndedAt = alert.ConditionEndedAt,
            }, now);
        }
    }

    /// <summary>Pushes the alerts and, when there is one, the new position of the person wearing the device.</summary>
    public async Task PublishAsync(DeviceCase? @case, string deviceId, Evidence? fix, IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        foreach (var alert in alerts)
        {
            await feed.PublishAlertAsync(ToLive(alert), ct);
        }

        if (@case is null || fix is not { Lat: { } lat, Lon: { } lon } || @case.ManagingUnitId == Guid.Empty)
        {
            return;
        }

        var province = await ProvinceOfAsync(@case.ManagingUnitId, ct);
        await feed.PublishPositionAsync(new LivePosition(@case.PersonId, deviceId, @case.ManagingUnitId, province, lat, lon, fix.AccuracyMeters, fix.At), ct);
    }

    public static LiveAlert ToLive(Alert alert) => new(alert.Id, alert.PersonId, alert.UnitId, alert.ProvinceCode, ApiNames.Of(alert.Rule),
        ApiNames.Of(alert.Severity), ApiNames.Of(alert.State), alert.RaisedAt);

    private async ValueTask<string> ProvinceOfAsync(Guid unitId, CancellationToken ct)
    {
        if (_provinceOfUnit.TryGetValue(unitId, out var known))
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var province = await db.Units.Where(u => u.Id == unitId).Select(u => u.ProvinceCode).SingleOrDefaultAsync(ct) ?? "";
        _provinceOfUnit[unitId] = province;
        return province;
    }
}
