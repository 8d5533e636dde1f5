using System.Globalization;
using Vigil.Domain.Rules;
using Vigil.Domain.Scope;
using Vigil.Simulator.Model;
using Vigil.Simulator.Quality;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.GeoLife;

/// <summary>
/// D3: replays real GeoLife tracks (Beijing, 2007–2008) as wristbands through the rules engine. Each person's own
/// frequent night place becomes the residence and their day place the workplace, the registered area is drawn around
/// where they really go (the 99th percentile of their distance from home, plus a kilometre), and the tracks are moved
/// to Hà Nội distance-preserving (metres east and north of home) with their local clock kept (Beijing 22:00 is
/// Hà Nội 22:00). Then one departure a day is injected — 40 minutes of the person's own real movement displaced to
/// at least two kilometres beyond the area — and the zone alerts are counted: every alert that is not an injected departure
/// is false, unless the person really was beyond the drawn area then.
/// </summary>
public static class GeoLifeReplay
{
    private const double CellMeters = 200;
    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DepartureLength = TimeSpan.FromMinutes(40);
    private static readonly GeoPoint Anchor = World.Communes[0].Centre;

    public static GeoLifeReport Run(string dataFolder, int seed = 1, RuleOptions? options = null)
    {
        var engine = new RuleEngine(options ?? new RuleOptions(), HotspotIndex.Empty);
        var users = Directory.GetDirectories(dataFolder).Order(StringComparer.Ordinal).ToList();
        var results = new GeoLifeUserResult?[users.Count];
        Parallel.For(0, users.Count, i =>
        {
            var track = GeoLifeTrack.Read(users[i]);
            results[i] = track.Fixes.Count < 100 ? null : Replay(track, engine, new Random(seed + i));
        });

        var done = results.OfType<GeoLifeUserResult>().ToList();
        var weeks = done.Sum(u => u.SpanDays) / 7;
        var falseAlerts = done.Sum(u => u.FalseZoneAlerts);
        return new GeoLifeReport(done, weeks, falseAlerts, weeks == 0 ? 0 : falseAlerts / weeks, done.Sum(u => u.BeyondAreaAlerts),
            done.Sum(u => u.DeparturesInjected), done.Sum(u => u.DeparturesCaught));
    }

    private static GeoLifeUserResult Replay(GeoLifeTrack track, RuleEngine engine, Random random)
    {
        var fixes = track.Fixes;
        var night = ModeCell(fixes.Where(f => LocalHour(f) is >= 22 or < 6)) ?? ModeCell(fixes)!.Value;
        var day = ModeCell(fixes.Where(f => LocalHour(f) is >= 9 and < 17 && (f.At + BeijingOffset).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && Distance(f, night) > 500));
        var distances = fixes.Select(f => Distance(f, night)).Order().ToList();
        var radius = Math.Clamp(distances[(int)(0.99 * (distances.Count - 1))] + 1000, 2000, ZoneShape.MaximumRadiusMeters - 3000);

        // One departure a day: 40 minutes of continuous real movement displaced to at least 2 km beyond the area.
        var departures = new List<(DateTimeOffset From, DateTimeOffset Until, GeoPoint Target, GeoLifeFix Anchor)>();
        foreach (var group in fixes.GroupBy(f => DateOnly.FromDateTime((f.At + BeijingOffset).DateTime)))
        {
            var start = ContinuousWindow(group.ToList());
            // Only from inside the area: a person already on a real trip beyond it is not departing (one open alert).
            if (start is { } s && Distance(s, night) <= radius - 1000)
            {
                // Far enough that even the window's own movement (a bus ride) stays 2 km beyond the area.
                var reach = group.Where(f => f.At >= s.At && f.At < s.At + DepartureLength).Max(f => Distance(f, s));
                var target = Anchor.Offset(radius + 2000 + reach, random.Uniform(0, 360));
                departures.Add((s.At, s.At + DepartureLength, target, s));
            }
        }

        var messages = new List<WireMessage>();
        var seq = 0L;
        DateTimeOffset? last = null;
        foreach (var f in fixes)
        {
            if (last is { } l && f.At - l < ReportEvery)
            {
                continue;
            }

            last = f.At;
            var departure = departures.FirstOrDefault(d => f.At >= d.From && f.At < d.Until);
            var at = departure.Until != default
                ? departure.Target.Shift(East(f, departure.Anchor), North(f, departure.Anchor))
                : Anchor.Shift(East(f, night), North(f, night));
            messages.Add(new WireMessage(seq++, Shift(f.At), new WireFix(at.Lat, at.Lon, 15, "gnss", null, null), null, null, null, null, null, null, null, null, []));
        }

        var home = Anchor;
        var work = day is { } d2 ? Anchor.Shift(East(d2, night), North(d2, night)) : (GeoPoint?)null;
        var zones = new List<ZoneSnapshot>
        {
            new(Guid.NewGuid(), ZoneKind.Residence, "Nơi cư trú", ZoneShape.Circle(home.Lat, home.Lon, 250, "residence"), null),
            new(Guid.NewGuid(), ZoneKind.Travel, "Phạm vi đi lại", ZoneShape.Circle(home.Lat, home.Lon, radius, "travel"), null),
        };
        if (work is { } w)
        {
            zones.Add(new(Guid.NewGuid(), ZoneKind.Work, "Nơi làm việc", ZoneShape.Circle(w.Lat, w.Lon, 250, "work"), null));
        }

        var since = Shift(fixes[0].At).AddDays(-1);
        var @case = new CaseSnapshot
        {
            PersonId = Guid.NewGuid(),
            Monitored = [new TimeWindow(since, null)],
            Scopes = [new ScopeSnapshot(new TimeWindow(since, null), zones)],
        };
        var deliveries = messages.Select(m => new Delivery(track.User, m.MeasuredAt.AddSeconds(2), [m], Buffered: false)).ToList();
        var end = Shift(fixes[^1].At).AddHours(1);
        var alerts = new EngineRun(engine).Run(track.User, deliveries, new CaseTimeline(@case), since, end)
            .Where(a => a.Rule is nameof(RuleKind.OutsideArea) or nameof(RuleKind.ResidenceChangeUnreported)).ToList();

        var caught = new List<double>();
        var matched = new HashSet<RaisedAlert>();
        foreach (var dep in departures)
        {
            var hit = alerts.FirstOrDefault(a => a.Rule == nameof(RuleKind.OutsideArea) && a.At >= Shift(dep.From) && a.At <= Shift(dep.Until).AddMinutes(30));
            if (hit is not null)
            {
                matched.Add(hit);
                caught.Add((hit.At - Shift(dep.From)).TotalSeconds);
            }
        }

        var unmatched = alerts.Where(a => !matched.Contains(a)).ToList();
        var beyond = unmatched.Where(a => ReallyBeyond(fixes, a, night, radius)).ToList();
        var falseAlerts = unmatched.Except(beyond).ToList();
        caught.Sort();
        return new GeoLifeUserResult(
            track.User, fixes.Count, messages.Count, (fixes[^1].At - fixes[0].At).TotalDays, RecordedHours(fixes), radius, day is not null,
            departures.Count, caught.Count, caught.Count == 0 ? null : caught[caught.Count / 2],
            falseAlerts.Count, beyond.Count,
            [.. falseAlerts.Take(5).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Rule} since {a.Since:u} at {a.At:u}"))]);
    }

    /// <summary>Whether most of the person's real fixes over the alert's span were beyond the drawn area: a real trip, not noise.</summary>
    private static bool ReallyBeyond(IReadOnlyList<GeoLifeFix> fixes, RaisedAlert alert, GeoLifeFix night, double radius)
    {
        var span = fixes.Where(f => Shift(f.At) >= alert.Since && Shift(f.At) <= alert.At).ToList();
        return span.Count > 0 && span.Count(f => Distance(f, night) > radius) * 2 >= span.Count;
    }

    /// <summary>The first stretch of the day with 45 minutes of fixes and no gap over 2 minutes, starting 5 minutes in.</summary>
    private static GeoLifeFix? ContinuousWindow(List<GeoLifeFix> day)
    {
        var from = 0;
        for (var i = 1; i < day.Count; i++)
        {
            if (day[i].At - day[i - 1].At > TimeSpan.FromMinutes(2))
            {
                from = i;
            }
            else if (day[i].At - day[from].At >= DepartureLength + TimeSpan.FromMinutes(5))
            {
                return day.First(f => f.At >= day[from].At.AddMinutes(5));
            }
        }

        return null;
    }

    private static double RecordedHours(IReadOnlyList<GeoLifeFix> fixes)
    {
        var total = TimeSpan.Zero;
        for (var i = 1; i < fixes.Count; i++)
        {
            var gap = fixes[i].At - fixes[i - 1].At;
            total += gap <= TimeSpan.FromMinutes(5) ? gap : TimeSpan.Zero;
        }

        return total.TotalHours;
    }

    /// <summary>Beijing's local clock read as Hà Nội's: the same hour of the day, so nights stay nights.</summary>
    private static DateTimeOffset Shift(DateTimeOffset at) => at + BeijingOffset - Vigil.Domain.Time.VietnamTime.Offset;

    private static int LocalHour(GeoLifeFix f) => (f.At + BeijingOffset).Hour;

    private static double East(GeoLifeFix f, GeoLifeFix origin) => (f.Lon - origin.Lon) * Vigil.Domain.Geo.GeoMath.MetersPerDegree(origin.Lat).X;

    private static double North(GeoLifeFix f, GeoLifeFix origin) => (f.Lat - origin.Lat) * Vigil.Domain.Geo.GeoMath.MetersPerDegree(origin.Lat).Y;

    private static double Distance(GeoLifeFix f, GeoLifeFix origin) => Math.Sqrt((East(f, origin) * East(f, origin)) + (North(f, origin) * North(f, origin)));

    /// <summary>A fix near the centre of the ~200 m cell holding the most fixes, or null when there are none.</summary>
    private static GeoLifeFix? ModeCell(IEnumerable<GeoLifeFix> fixes)
    {
        var cells = fixes.GroupBy(f => ((int)Math.Floor(f.Lat * 111_320 / CellMeters), (int)Math.Floor(f.Lon * 111_320 * Math.Cos(f.Lat * Math.PI / 180) / CellMeters)))
            .OrderByDescending(g => g.Count()).FirstOrDefault();
        if (cells is null)
        {
            return null;
        }

        return new GeoLifeFix(cells.Average(f => f.Lat), cells.Average(f => f.Lon), cells.First().At);
    }
}
