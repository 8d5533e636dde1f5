using Vigil.Domain.Rules;
using Vigil.Domain.Scope;
using Vigil.Simulator.Model;

namespace Vigil.Simulator.Scenarios;

/// <summary>Makes ordinary wearers and their registered scope as the demo seed lays it out: home, work, the ward.</summary>
public static class PeopleFactory
{
    public const double ResidenceRadiusMeters = 150;
    public const double WorkRadiusMeters = 150;

    public static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static WearerProfile Profile(string deviceId, Guid personId, Commune commune, Random random, GeoPoint? home = null, GeoPoint? work = null)
    {
        var homeAt = home ?? commune.Centre.Offset(random.Uniform(100, 700), random.Uniform(0, 360));
        var works = work is not null || random.Chance(0.85);
        var workAt = work ?? commune.Centre.Offset(random.Uniform(800, 1800), random.Uniform(0, 360));
        var habits = new[] { ChargingHabit.Nightly, ChargingHabit.Nightly, ChargingHabit.Morning, ChargingHabit.WhenLow };
        return new WearerProfile(
            deviceId,
            personId,
            new Place("nhà", homeAt, Indoor: true),
            works ? new Place("nơi làm việc", workAt, Indoor: random.Chance(0.7)) : null,
            random.Chance(0.3) ? [.. Weekdays, DayOfWeek.Saturday] : Weekdays,
            new TimeOnly(7, 30).AddMinutes(random.Next(0, 60)),
            new TimeOnly(16, 30).AddMinutes(random.Next(0, 60)),
            commune.Centre,
            2000,
            new TimeOnly(5, 30).AddMinutes(random.Next(0, 60)),
            new TimeOnly(22, 0).AddMinutes(random.Next(0, 90)),
            random.Pick(habits),
            random.Uniform(58, 78),
            random.Next());
    }

    /// <summary>The case as registered: monitored since <paramref name="since"/>, residence, work (Mon–Fri 07:00–18:00) and the ward.</summary>
    public static CaseSnapshot Case(WearerProfile profile, Commune commune, DateTimeOffset since) => new()
    {
        PersonId = profile.PersonId,
        Monitored = [new TimeWindow(since, null)],
        Scopes = [Scope(new TimeWindow(since, null), profile.Home.At, profile.Work?.At, commune)],
    };

    public static ScopeSnapshot Scope(TimeWindow inForce, GeoPoint home, GeoPoint? work, Commune commune)
    {
        var zones = new List<ZoneSnapshot>
        {
            new(Guid.NewGuid(), ZoneKind.Residence, "Nơi cư trú", ZoneShape.Circle(home.Lat, home.Lon, ResidenceRadiusMeters, "residence"), null),
            new(Guid.NewGuid(), ZoneKind.Travel, "Phạm vi đi lại", ZoneShape.Circle(commune.Centre.Lat, commune.Centre.Lon, commune.TravelRadiusMeters, "travel"), null),
        };
        if (work is { } w)
        {
            zones.Add(new(Guid.NewGuid(), ZoneKind.Work, "Nơi làm việc", ZoneShape.Circle(w.Lat, w.Lon, WorkRadiusMeters, "work"),
                WeeklySchedule.Parse([(["monday", "tuesday", "wednesday", "thursday", "friday"], "07:00", "18:00")])));
        }

        return new ScopeSnapshot(inForce, zones);
    }
}
