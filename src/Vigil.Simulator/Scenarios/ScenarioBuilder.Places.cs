using Vigil.Domain.Rules;
using Vigil.Simulator.Model;

namespace Vigil.Simulator.Scenarios;

/// <summary>The scenarios that move people: trips, nights away, moving house, hotspots, gatherings, shielding.</summary>
public sealed partial class ScenarioBuilder
{
    private SimulatedWearer Planner(SimulatedPerson p) => new(p.Profile, _start, End, p.Incidents);

    /// <summary>The first instant in [from, until) at which the true position satisfies <paramref name="test"/>, to 5 s.</summary>
    private static DateTimeOffset? First(SimulatedWearer planner, DateTimeOffset from, DateTimeOffset until, Func<GeoPoint, bool> test)
    {
        for (var t = from; t < until; t = t.AddSeconds(5))
        {
            if (test(planner.TrueMotion(t).Position))
            {
                return t;
            }
        }

        return null;
    }

    private void Trips(SimulatedPerson p, string kind)
    {
        var planner = Planner(p);
        bool Outside(GeoPoint at) => at.DistanceTo(p.Commune.Centre) > p.Commune.TravelRadiusMeters;
        foreach (var t in Daytime(9, 13))
        {
            var origin = planner.TrueMotion(t).Position;
            switch (kind)
            {
                case ScenarioKinds.LeftArea:
                {
                    var dest = new Place("ngoài địa bàn", p.Commune.Centre.Offset(_random.Uniform(4500, 7000), _random.Uniform(0, 360)), Indoor: _random.Chance(0.5));
                    var until = t.AddMinutes(_random.Uniform(60, 150));
                    p.Incidents.Excursions.Add(new Excursion(t, until, dest));
                    var left = First(planner, t, until, Outside) ?? t;
                    var back = First(planner, left, until.AddMinutes(30), at => !Outside(at)) ?? until;
                    Label(p, kind, RuleKind.OutsideArea, true, left, left.AddMinutes(15), back, "left the registered area without a travel report");
                    break;
                }

                case ScenarioKinds.ShortExit:
                {
                    var dest = new Place("ngay ngoài ranh giới", p.Commune.Centre.Offset(p.Commune.TravelRadiusMeters + 250, origin.BearingTo(p.Commune.Centre) + 180), Indoor: false);
                    var leg = Travel.Duration(origin, dest.At) - TimeSpan.FromMinutes(1);
                    var until = t + leg + TimeSpan.FromMinutes(6) + leg;
                    p.Incidents.Excursions.Add(new Excursion(t, until, dest));
                    var left = First(planner, t, until, Outside) ?? t;
                    var back = First(planner, left, until.AddMinutes(30), at => !Outside(at)) ?? until;
                    Label(p, kind, RuleKind.OutsideArea, false, left, left, back, "a few minutes just past the edge of the area (under the 15-minute dwell)");
                    break;
                }

                default:
                {
                    var dest = new Place("chuyến đi được duyệt", p.Commune.Centre.Offset(_random.Uniform(8000, 15000), _random.Uniform(0, 360)), Indoor: true);
                    var until = t.AddHours(_random.Uniform(4, 6));
                    p.Case.ChangeAt(t.AddHours(-2), c => c with { ApprovedTravel = [.. c.ApprovedTravel, new TimeWindow(t.AddMinutes(-30), until.AddMinutes(30))] });
                    p.Incidents.Excursions.Add(new Excursion(t, until, dest));
                    Label(p, kind, RuleKind.OutsideArea, false, t, t, until, "an approved trip outside the area");
                    break;
                }
            }
        }
    }

    private void Shielding(SimulatedPerson p)
    {
        var planner = Planner(p);
        foreach (var t in Daytime())
        {
            // A walk of over a kilometre towards the ward's centre, the band wrapped in foil for 12 minutes of it.
            var origin = planner.TrueMotion(t).Position;
            var dest = new Place("đi bộ", origin.Offset(1_150, origin.BearingTo(p.Commune.Centre) + _random.Uniform(-30, 30)), Indoor: false);
            p.Incidents.Excursions.Add(new Excursion(t, t.AddMinutes(50), dest, Walk: true));
            var shield = new TimeWindow(t.AddMinutes(1), t.AddMinutes(13));
            p.Incidents.NoFix.Add(shield);
            p.Incidents.NoNetwork.Add(shield);
            Label(p, ScenarioKinds.Shielding, RuleKind.Tamper, true, shield.From, shield.From.AddMinutes(5), shield.Until!.Value, "band shielded (no GPS, no network) while walking, 12 minutes");
        }
    }

    private void NightsAway(SimulatedPerson p, string kind)
    {
        var nights = kind == ScenarioKinds.TwoNightsAway ? 2 : Math.Min(4, _days - 2);
        var friend = p.Profile.Home.At.Offset(_random.Uniform(1000, 1600), p.Profile.Home.At.BearingTo(p.Commune.Centre) + _random.Uniform(-50, 50));
        var place = new Place("nhà người quen", friend, Indoor: true);
        for (var n = 1; n <= nights; n++)
        {
            p.Incidents.Excursions.Add(new Excursion(Local(n, 21.5), Local(n + 1, 7), place));
        }

        var firstNight = Local(1, 22);
        switch (kind)
        {
            case ScenarioKinds.NightsAway:
                Label(p, kind, RuleKind.ResidenceChangeUnreported, true, firstNight, Local(4, 5), Local(nights + 1, 7), $"{nights} nights in a row at another address, not reported");
                break;
            case ScenarioKinds.TwoNightsAway:
                Label(p, kind, RuleKind.ResidenceChangeUnreported, false, firstNight, Local(3, 5), Local(3, 7), "two nights away (under the three-night rule)");
                break;
            default:
                p.Case.ChangeAt(Local(1, 12), c => c with { ResidenceChangeReported = [.. c.ResidenceChangeReported, new TimeWindow(Local(1, 12), null)] });
                Label(p, kind, RuleKind.ResidenceChangeUnreported, false, firstNight, Local(4, 5), Local(nights + 1, 7), $"{nights} nights away with the residence change reported");
                break;
        }
    }

    private void Move(SimulatedPerson p, bool arrivalReported)
    {
        var other = World.Communes.First(c => c != p.Commune);
        var newHome = new Place("nơi ở mới", other.Centre.Offset(_random.Uniform(200, 600), _random.Uniform(0, 360)), Indoor: true);
        var departed = Local(1, 10);
        p.Incidents.Excursions.Add(new Excursion(departed, End.AddDays(2), newHome));
        p.Case.ChangeAt(departed.AddDays(-1), c => c with { ResidenceChangeReported = [.. c.ResidenceChangeReported, new TimeWindow(departed.AddDays(-1), null)] });
        p.Case.ChangeAt(departed, c => c with
        {
            DepartureAwaitingArrival = departed,
            Scopes = [.. c.Scopes.Select(s => s with { InForce = s.InForce with { Until = departed } }), PeopleFactory.Scope(new TimeWindow(departed, null), newHome.At, null, other)],
        });
        if (arrivalReported)
        {
            var arrived = departed.AddHours(8);
            p.Case.ChangeAt(arrived, c => c with
            {
                DepartureAwaitingArrival = null,
                ResidenceChangeReported = [.. c.ResidenceChangeReported.Select(w => w.Until is null ? w with { Until = arrived } : w)],
            });
            Label(p, ScenarioKinds.ArrivalReported, RuleKind.ArrivalNotReported, false, departed, departed.AddHours(24), arrived, "moved and reported to the new commune after 8 hours");
        }
        else
        {
            Label(p, ScenarioKinds.ArrivalNotReported, RuleKind.ArrivalNotReported, true, departed, departed.AddHours(24), End, "moved and never reported to the new commune");
        }
    }

    private void Hotspots(SimulatedPerson p)
    {
        var planner = Planner(p);
        var near = World.Hotspots.OrderBy(h => h.Centre.DistanceTo(p.Commune.Centre)).Take(2).ToList();
        foreach (var t in Daytime(10, 16))
        {
            var hotspot = _random.Pick(near);
            var until = t.AddMinutes(_random.Uniform(40, 90));
            p.Incidents.Excursions.Add(new Excursion(t, until, new Place(hotspot.Name, hotspot.Centre, Indoor: true)));
            var entered = First(planner, t, until, at => at.DistanceTo(hotspot.Centre) <= hotspot.RadiusMeters) ?? t;
            var left = First(planner, entered, until.AddMinutes(30), at => at.DistanceTo(hotspot.Centre) > hotspot.RadiusMeters) ?? until;
            Label(p, ScenarioKinds.HotspotVisit, RuleKind.HotspotEntry, true, entered, entered.AddMinutes(2), left, $"visit to {hotspot.Name}");
        }
    }

    private void Gathering(IReadOnlyList<SimulatedPerson> group)
    {
        var commune = group[0].Commune;
        GeoPoint place;
        do
        {
            place = commune.Centre.Offset(_random.Uniform(1200, 1700), _random.Uniform(0, 360));
        }
        while (group.Any(p => p.Profile.Home.At.DistanceTo(place) < 400 || (p.Profile.Work?.At.DistanceTo(place) ?? double.MaxValue) < 400)
            || World.Hotspots.Any(h => h.Centre.DistanceTo(place) < 400));

        var devices = group.Select(p => p.Profile.DeviceId).ToList();
        foreach (var day in EveryDay)
        {
            var t = Local(day, _random.Uniform(19.5, 20));
            var until = t.AddMinutes(_random.Uniform(50, 90));
            var arrivals = new List<DateTimeOffset>();
            foreach (var p in group)
            {
                var from = t.AddMinutes(_random.Uniform(-5, 5));
                p.Incidents.Excursions.Add(new Excursion(from, until.AddMinutes(_random.Uniform(-5, 5)), new Place("căn hộ", place, Indoor: true)));
                arrivals.Add(First(Planner(p), from, until, at => at.DistanceTo(place) <= 50) ?? from);
            }

            var together = arrivals.Order().ElementAt(2);
            foreach (var p in group)
            {
                p.Scenario = ScenarioKinds.Gathering;
            }

            Label(group[0], ScenarioKinds.Gathering, null, true, together, together.AddMinutes(10), until.AddMinutes(-5), $"{group.Count} monitored people together in an apartment", devices);
        }
    }
}
