using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain.Alerts;
using Vigil.Domain.Gatherings;
using Vigil.Domain.Rules;
using Vigil.Domain.Scope;
using Vigil.Domain.Time;
using Vigil.Server.Actors;
using Vigil.Server.Alerts;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Live;

namespace Vigil.Server.Intelligence;

/// <summary>
/// Runs the <see cref="GatheringDetector"/> over everyone's position, estimated from their device's last few minutes of
/// fixes (<see cref="LatestFixes"/>, <see cref="PositionEstimate"/>), every
/// <see cref="GatheringWatchOptions.EvaluateEvery"/> on the injected clock. When a gathering forms, each member gets
/// a Gathering alert (key <c>gathering:{id}</c>, so one per member per gathering) routed to their own commune's
/// station — the province sees all of them — with the place, the duration and the evidence, pushed on the live
/// feed and announced by webhook. When it ends, the alerts' conditions end. The detector follows groups in memory;
/// the gatherings going on are also in the alert store (their alerts' conditions not ended), and the first pass after
/// a start takes them up from there (members, centre, since) with their members' recent fixes, so a restart neither
/// raises them again nor forgets them.
/// </summary>
public sealed class GatheringWatch(
    IServiceScopeFactory scopes,
    LatestFixes latest,
    TimeProvider clock,
    IOptions<GatheringOptions> options,
    IOptions<GatheringWatchOptions> watch,
    ILogger<GatheringWatch> logger) : BackgroundService
{
    private static readonly ZoneKind[] OwnPlaceKinds = [ZoneKind.Residence, ZoneKind.Work];
    private readonly GatheringDetector _detector = new(options.Value);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<(Guid Gathering, Guid Person)> _raised = [];
    private bool _restored;

    /// <summary>Raised after every periodic pass with its time.</summary>
    public event Action<DateTimeOffset>? PassCompleted;

    /// <summary>One evaluation at <paramref name="now"/>: reads the latest positions, follows the groups, raises and ends alerts.</summary>
    public async Task<GatheringUpdate> EvaluateAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (!_restored)
            {
                await RestoreAsync(now, ct);
                _restored = true;
            }

            var (positions, devices) = await LatestAsync(now, ct);
            var crowded = _detector.Crowded(now, positions);
            var places = crowded.Count == 0 ? [] : await OwnPlacesAsync(crowded, now, ct);
            var update = _detector.Evaluate(now, positions,
                (person, lat, lon) => places.TryGetValue(person, out var zones) && zones.Any(z => z.Contains(lat, lon)));
            foreach (var gathering in update.Ongoing)
            {
                var fresh = gathering.Members.Where(m => !_raised.Contains((gathering.Id, m.PersonId))).ToList();
                if (fresh.Count > 0)
                {
                    await ApplyAsync(gathering, fresh, SignalKind.Raised, devices, now, ct);
                    fresh.ForEach(m => _raised.Add((gathering.Id, m.PersonId)));
                    logger.GatheringRaised(gathering.Id, gathering.Members.Count, gathering.SpreadMeters, gathering.Since, fresh.Count);
                }
            }

            foreach (var gathering in update.Ended)
            {
                var members = gathering.Members.Where(m => _raised.Remove((gathering.Id, m.PersonId))).ToList();
                await ApplyAsync(gathering, members, SignalKind.Ended, devices, now, ct);
                logger.GatheringEnded(gathering.Id, gathering.Duration.TotalMinutes);
            }

            return update;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(watch.Value.EvaluateEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = clock.GetUtcNow();
                try
                {
                    await EvaluateAsync(now, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One failed pass (database briefly unreachable) must not stop detection for good.
                    logger.GatheringPassFailed(e);
                }

                PassCompleted?.Invoke(now);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// The gatherings whose alerts' conditions have not ended, rebuilt from those alerts (one per member, all under the
    /// key <c>gathering:{id}</c>): id, members, since, centre and each member's last position; and their members' fixes of
    /// the estimate window reloaded from the store, so their positions are known at once.
    /// </summary>
    private async Task RestoreAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var open = await db.Alerts.AsNoTracking().Where(a => a.Rule == RuleKind.Gathering && a.ConditionEndedAt == null).ToListAsync(ct);
        var gatherings = new List<Gathering>();
        foreach (var alerts in open.GroupBy(a => a.Key, StringComparer.Ordinal))
        {
            var first = alerts.First();
            if (!Guid.TryParse(first.Parameters.GetValueOrDefault("gatheringId"), out var id)
                || !double.TryParse(first.Parameters.GetValueOrDefault("centerLat"), CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(first.Parameters.GetValueOrDefault("centerLon"), CultureInfo.InvariantCulture, out var lon))
            {
                continue;
            }

            var members = alerts.Select(a => new GatheringMember(a.PersonId, a.ConditionSince, a.Evidence.FirstOrDefault() is { Lat: { } eLat, Lon: { } eLon } e
                ? new LatestPosition(a.PersonId, e.At, eLat, eLon, e.AccuracyMeters)
                : new LatestPosition(a.PersonId, a.DetectedAt, lat, lon, null))).ToList();
            gatherings.Add(new Gathering(id, alerts.Min(a => a.ConditionSince), now, lat, lon, 0, members, Started: false));
            members.ForEach(m => _raised.Add((id, m.PersonId)));
        }

        _detector.Restore(gatherings, now);
        var devices = open.Where(a => a.DeviceId is not null).Select(a => a.DeviceId!).Distinct().ToList();
        var from = now - options.Value.StaleAfter;
        var fixes = devices.Count == 0 ? [] : await db.Telemetry.AsNoTracking()
            .Where(t => devices.Contains(t.DeviceId) && t.MeasuredAt >= from && t.Lat != null).ToListAsync(ct);
        await latest.OnStoredAsync(fixes, ct);
        if (gatherings.Count > 0)
        {
            logger.GatheringsRestored(gatherings.Count, _raised.Count, fixes.Count);
        }
    }

    /// <summary>Everyone's position estimate from recent enough fixes, attributed to the person its device is assigned to, and that device.</summary>
    private async Task<(List<LatestPosition> Positions, Dictionary<Guid, string> Devices)> LatestAsync(DateTimeOffset now, CancellationToken ct)
    {
        var fixes = latest.Since(now - options.Value.StaleAfter);
        if (fixes.Count == 0)
        {
            return ([], []);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var owners = await db.Devices.AsNoTracking().Where(d => d.AssignedPersonId != null)
            .Select(d => new { d.DeviceId, d.AssignedPersonId }).ToDictionaryAsync(d => d.DeviceId, d => d.AssignedPersonId!.Value, StringComparer.Ordinal, ct);
        var devices = new Dictionary<Guid, string>(fixes.Count);
        var positions = new List<LatestPosition>(fixes.Count);
        foreach (var (deviceId, trail) in fixes)
        {
            if (owners.TryGetValue(deviceId, out var person) && PositionEstimate.Of(person, now, trail.Fixes, options.Value) is { } estimate)
            {
                positions.Add(estimate);
                devices[person] = deviceId;
            }
        }

        return (positions, devices);
    }

    /// <summary>The residence and work zones in force now of the given people.</summary>
    private async Task<Dictionary<Guid, List<ZoneShape>>> OwnPlacesAsync(IReadOnlyList<Guid> people, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var ids = people.Distinct().ToList();
        var versions = await db.ScopeVersions.AsNoTracking().Include(v => v.Zones)
            .Where(v => ids.Contains(v.PersonId) && v.EffectiveFrom <= now && (v.EffectiveUntil == null || v.EffectiveUntil > now))
            .ToListAsync(ct);
        return versions.GroupBy(v => v.PersonId).ToDictionary(g => g.Key,
            g => g.SelectMany(v => v.Zones).Where(z => OwnPlaceKinds.Contains(z.Kind)).Select(z => z.Shape).ToList());
    }

    private async Task ApplyAsync(Gathering gathering, IReadOnlyList<GatheringMember> members, SignalKind kind, Dictionary<Guid, string> devices,
        DateTimeOffset now, CancellationToken ct)
    {
        if (members.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var book = scope.ServiceProvider.GetRequiredService<AlertBook>();
        var ids = gathering.Members.Select(m => m.PersonId).ToList();
        var communes = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.CommuneCode, ct);
        var changed = new List<Alert>();
        foreach (var member in members)
        {
            var subject = await AlertBook.SubjectOfAsync(db, member.PersonId, devices.GetValueOrDefault(member.PersonId) ?? "", ct);
            var result = new RuleResult();
            result.Signals.Add(Signal(gathering, member, kind, communes, now));
            changed.AddRange(await book.ApplyAsync(db, subject, result, now, ct));
        }

        LiveUpdates.Enqueue(db, changed, now);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().SaveAsync(ct);
        var feed = scope.ServiceProvider.GetRequiredService<LiveFeed>();
        foreach (var alert in changed)
        {
            await feed.PublishAlertAsync(LiveUpdates.ToLive(alert), ct);
        }
    }

    /// <summary>
    /// The member's signal. The evidence is every member's position (the person's own first); other members are named
    /// only by how many and which communes, so an alert never shows a commune someone outside its jurisdiction.
    /// </summary>
    private RuleSignal Signal(Gathering g, GatheringMember member, SignalKind kind, Dictionary<Guid, string> communes, DateTimeOffset now)
    {
        var o = options.Value;
        var own = communes.GetValueOrDefault(member.PersonId, "");
        var evidence = g.Members.OrderBy(m => m.PersonId == member.PersonId ? 0 : 1)
            .Select(m => new Evidence(m.Position.MeasuredAt, m.Position.Lat, m.Position.Lon, m.Position.AccuracyMeters,
                m.PersonId == member.PersonId
                    ? $"this person, with the group since {VietnamTime.ToLocal(m.Since):HH:mm}"
                    : communes.GetValueOrDefault(m.PersonId) == own ? $"member {m.PersonId} of the same commune" : "member of another commune"))
            .ToList();
        var parameters = new Dictionary<string, string>
        {
            ["gatheringId"] = g.Id.ToString(),
            ["members"] = g.Members.Count.ToString(CultureInfo.InvariantCulture),
            ["communes"] = string.Join(',', g.Members.Select(m => communes.GetValueOrDefault(m.PersonId, "?")).Distinct().Order(StringComparer.Ordinal)),
            ["centerLat"] = g.CenterLat.ToString("F6", CultureInfo.InvariantCulture),
            ["centerLon"] = g.CenterLon.ToString("F6", CultureInfo.InvariantCulture),
            ["spreadMeters"] = g.SpreadMeters.ToString("F0", CultureInfo.InvariantCulture),
            ["durationMinutes"] = g.Duration.TotalMinutes.ToString("F0", CultureInfo.InvariantCulture),
            ["minPeople"] = o.MinPeople.ToString(CultureInfo.InvariantCulture),
            ["radiusMeters"] = o.RadiusMeters.ToString(CultureInfo.InvariantCulture),
            ["minDuration"] = o.MinDuration.ToString("c", CultureInfo.InvariantCulture),
        };
        var since = VietnamTime.ToLocal(g.Since);
        var detail = kind == SignalKind.Raised
            ? $"Tụ tập bất thường: {g.Members.Count} người trong phạm vi {g.SpreadMeters:0} m từ {since:HH:mm dd/MM/yyyy} ({g.Duration.TotalMinutes:0} phút) tại {g.CenterLat:F5}, {g.CenterLon:F5}. "
                + $"Unusual gathering: {g.Members.Count} people within {g.SpreadMeters:0} m since {since:yyyy-MM-dd HH:mm} ({g.Duration.TotalMinutes:0} min) at {g.CenterLat:F5}, {g.CenterLon:F5}."
            : $"Nhóm đã giải tán sau {g.Duration.TotalMinutes:0} phút. The group dispersed after {g.Duration.TotalMinutes:0} minutes.";
        return new RuleSignal(RuleKind.Gathering, kind, $"gathering:{g.Id}", g.Since, now, evidence, parameters, detail);
    }
}
