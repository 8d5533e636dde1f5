using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain.Investigations;
using Vigil.Domain.People;
using Vigil.Domain.Places;
using Vigil.Domain.Records;
using Vigil.Domain.Rules;
using Vigil.Domain.Scope;
using Vigil.Domain.Time;
using Vigil.Server.Data;

namespace Vigil.Server.Intelligence;

/// <summary>
/// Reads what the suspicious-place analysis needs from the store: each night's fixes of the area's people (one range
/// query per night over the (DeviceId, MeasuredAt) index, streamed device by device, so a month of nights never sits in
/// memory), cut into night dwells away from the person's own residence and work place; and the gatherings detected in
/// the area (the Gathering alerts, one per member, grouped by gathering).
/// </summary>
internal sealed class PlaceMining(VigilDbContext db, IOptions<PlaceMiningOptions> options)
{
    private static readonly RecordKind[] DeviceRecords = [RecordKind.Attachment, RecordKind.DeviceSwap, RecordKind.Collection];
    private static readonly ZoneKind[] OwnPlaceKinds = [ZoneKind.Residence, ZoneKind.Work];

    public async Task<(List<NightDwell> Dwells, int FixesRead)> NightDwellsAsync(IQueryable<Person> people, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        var o = options.Value;
        var ids = await people.Select(p => p.Id).ToListAsync(ct);
        var records = await db.Records.AsNoTracking().Where(r => ids.Contains(r.PersonId) && DeviceRecords.Contains(r.Kind)).ToListAsync(ct);
        var spans = records.GroupBy(r => r.PersonId).SelectMany(g => DeviceAssignment.Of(g.Key, g)).ToList();
        var deviceGuids = spans.Select(s => s.DeviceId).Distinct().ToList();
        var connection = await db.Devices.AsNoTracking().Where(d => deviceGuids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.DeviceId, ct);
        var byDevice = spans.Where(s => connection.ContainsKey(s.DeviceId)).ToLookup(s => connection[s.DeviceId], StringComparer.Ordinal);
        var devices = byDevice.Select(g => g.Key).ToList();

        var dwells = new List<NightDwell>();
        var read = 0;
        for (var night = VietnamTime.LocalDate(from).AddDays(-1); VietnamTime.StartOfDay(night) < to; night = night.AddDays(1))
        {
            var start = Later(VietnamTime.StartOfDay(night).Add(o.NightStarts.ToTimeSpan()), from);
            var end = Earlier(VietnamTime.StartOfDay(night.AddDays(1)).Add(o.NightEnds.ToTimeSpan()), to);
            if (end <= start || devices.Count == 0)
            {
                continue;
            }

            var rows = db.Telemetry.AsNoTracking()
                .Where(t => devices.Contains(t.DeviceId) && t.MeasuredAt >= start && t.MeasuredAt < end && t.Lat != null && t.Lon != null)
                .OrderBy(t => t.DeviceId).ThenBy(t => t.MeasuredAt)
                .Select(t => new { t.DeviceId, t.MeasuredAt, Lat = t.Lat!.Value, Lon = t.Lon!.Value, t.AccuracyMeters })
                .AsAsyncEnumerable();
            var track = new List<PersonFix>();
            await foreach (var row in rows.WithCancellation(ct))
            {
                read++;
                if (track.Count > 0 && track[^1].DeviceId != row.DeviceId)
                {
                    AddDwells(track, dwells, o);
                }

                if (byDevice[row.DeviceId].FirstOrDefault(s => s.Window.Contains(row.MeasuredAt)) is { } span)
                {
                    track.Add(new PersonFix(span.PersonId, row.DeviceId, row.MeasuredAt, row.Lat, row.Lon, row.AccuracyMeters));
                }
            }

            AddDwells(track, dwells, o);
        }

        return (await AwayFromOwnPlacesAsync(dwells, ct), read);
    }

    /// <summary>The gatherings of the alerts (routed within the area) that began in the period, with their members in the area.</summary>
    public async Task<List<PastGathering>> GatheringsAsync(StatisticsArea area, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var alerts = await area.Alerts(db.Alerts.AsNoTracking())
            .Where(a => a.Rule == RuleKind.Gathering && a.ConditionSince >= from && a.ConditionSince < to)
            .ToListAsync(ct);
        return
        [
            .. alerts.Where(a => a.Parameters.ContainsKey("gatheringId") && a.Parameters.ContainsKey("centerLat") && a.Parameters.ContainsKey("centerLon"))
                .GroupBy(a => a.Parameters["gatheringId"])
                .Select(g => new PastGathering(Guid.Parse(g.Key), g.Min(a => a.ConditionSince), g.Max(a => a.ConditionEndedAt),
                    double.Parse(g.First().Parameters["centerLat"], CultureInfo.InvariantCulture),
                    double.Parse(g.First().Parameters["centerLon"], CultureInfo.InvariantCulture),
                    [.. g.Select(a => a.PersonId).Distinct()])),
        ];
    }

    private static void AddDwells(List<PersonFix> track, List<NightDwell> dwells, PlaceMiningOptions o)
    {
        foreach (var person in track.Select(f => f.PersonId).Distinct())
        {
            dwells.AddRange(NightDwell.Find(person, track, o));
        }

        track.Clear();
    }

    /// <summary>Staying at home (or at work) at night is what people do: dwells inside the person's own zones in force then are dropped.</summary>
    private async Task<List<NightDwell>> AwayFromOwnPlacesAsync(List<NightDwell> dwells, CancellationToken ct)
    {
        var ids = dwells.Select(d => d.PersonId).Distinct().ToList();
        var versions = await db.ScopeVersions.AsNoTracking().Include(v => v.Zones).Where(v => ids.Contains(v.PersonId)).ToListAsync(ct);
        return
        [
            .. dwells.Where(d => !versions.Any(v => v.PersonId == d.PersonId && v.EffectiveFrom <= d.From && (v.EffectiveUntil == null || v.EffectiveUntil > d.From)
                && v.Zones.Any(z => OwnPlaceKinds.Contains(z.Kind) && z.Shape.Contains(d.Lat, d.Lon)))),
        ];
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
