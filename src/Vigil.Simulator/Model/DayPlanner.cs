using Vigil.Domain.Time;

namespace Vigil.Simulator.Model;

/// <summary>
/// Lays out a wearer's ordinary days as stays and trips: home at night, work on work days (sometimes lunch out),
/// errands after work or on days off, an evening out now and then, home before 22:00.
/// </summary>
public static class DayPlanner
{
    public static IReadOnlyList<Segment> Plan(WearerProfile profile, IReadOnlyList<Place> errands, DateTimeOffset from, DateTimeOffset until, Random random)
    {
        var stays = new List<(Place Place, DateTimeOffset Leave)>();
        var first = VietnamTime.LocalDate(from).AddDays(-1);
        var last = VietnamTime.LocalDate(until).AddDays(1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            PlanDay(profile, errands, day, random, stays);
        }

        var segments = new List<Segment>();
        var cursor = from.AddDays(-3);
        var where = profile.Home;
        foreach (var (place, leave) in stays)
        {
            if (leave <= cursor)
            {
                continue;
            }

            if (place != where)
            {
                var trip = Travel.Duration(where.At, place.At);
                var arrive = cursor + trip;
                segments.Add(new Segment(cursor, arrive, where.At, place.At, false, Travel.SpeedFor(where.At.DistanceTo(place.At))));
                cursor = arrive;
                where = place;
            }

            if (leave > cursor)
            {
                segments.Add(new Segment(cursor, leave, place.At, place.At, place.Indoor, 0));
                cursor = leave;
            }
        }

        segments.Add(new Segment(cursor, until.AddDays(3), where.At, where.At, where.Indoor, 0));
        return segments;
    }

    private static void PlanDay(WearerProfile p, IReadOnlyList<Place> errands, DateOnly day, Random random, List<(Place, DateTimeOffset)> stays)
    {
        DateTimeOffset At(TimeOnly time, double jitterMinutes = 0) =>
            new DateTimeOffset(day.ToDateTime(time), VietnamTime.Offset).AddMinutes(random.Uniform(-jitterMinutes, jitterMinutes)).ToUniversalTime();

        var working = p.Work is not null && p.WorkDays.Contains(day.DayOfWeek);
        if (working)
        {
            var commute = Travel.Duration(p.Home.At, p.Work!.At);
            stays.Add((p.Home, At(p.WorkStart, 10) - commute));
            if (random.Chance(0.3))
            {
                var lunch = new Place("lunch", p.Work.At.Offset(random.Uniform(60, 300), random.Uniform(0, 360)), random.Chance(0.5));
                stays.Add((p.Work, At(new TimeOnly(11, 45), 10)));
                stays.Add((lunch, At(new TimeOnly(12, 40), 10)));
            }

            stays.Add((p.Work, At(p.WorkEnd, 15)));
            if (random.Chance(0.4))
            {
                var errand = random.Pick(errands);
                stays.Add((errand, At(p.WorkEnd, 15) + Travel.Duration(p.Work.At, errand.At) + random.Minutes(15, 40)));
            }
        }
        else
        {
            stays.Add((p.Home, At(new TimeOnly(9, 0), 40)));
            var errand = random.Pick(errands);
            stays.Add((errand, At(new TimeOnly(10, 30), 30)));
            stays.Add((p.Home, At(new TimeOnly(15, 30), 40)));
            var second = random.Pick(errands);
            stays.Add((second, At(new TimeOnly(17, 0), 20)));
        }

        if (random.Chance(0.35))
        {
            var evening = random.Pick(errands);
            stays.Add((p.Home, At(new TimeOnly(19, 0), 20)));
            stays.Add((evening, At(new TimeOnly(21, 10), 15)));
        }

        // Home all night: leaves again on the next day's plan.
        stays.Add((p.Home, At(new TimeOnly(23, 59))));
    }
}
