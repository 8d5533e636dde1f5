namespace Vigil.Domain.Scope;

/// <summary>
/// Days of the week and a time range in Vietnam time. <see cref="To"/> before <see cref="From"/> means the
/// window runs past midnight into the next day (e.g. a night shift 22:00–06:00).
/// </summary>
public sealed record ScheduleWindow(IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    public bool Contains(DayOfWeek day, TimeOnly time)
    {
        if (From < To)
        {
            return Days.Contains(day) && time >= From && time < To;
        }

        // Overnight: the evening part belongs to the listed day, the morning part to the day after.
        var previous = (DayOfWeek)(((int)day + 6) % 7);
        return (Days.Contains(day) && time >= From) || (Days.Contains(previous) && time < To);
    }
}
