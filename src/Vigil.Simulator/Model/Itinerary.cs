namespace Vigil.Simulator.Model;

/// <summary>Where a wearer truly is at any instant: the planned day, overridden by excursions.</summary>
public sealed class Itinerary(IReadOnlyList<Segment> plan, IReadOnlyList<Excursion> excursions)
{
    /// <summary>Staying somewhere overnight or longer instead of home (a friend's place, a new home): the band is charged there.</summary>
    public bool LivingAway(DateTimeOffset t) => excursions.Any(e => t >= e.From && t < e.Until && e.Until - e.From >= TimeSpan.FromHours(8));

    public Motion At(DateTimeOffset t, bool asleep)
    {
        foreach (var excursion in excursions)
        {
            if (t >= excursion.From && t < excursion.Until)
            {
                return OnExcursion(excursion, t, asleep);
            }
        }

        return Planned(t, asleep);
    }

    private Motion Planned(DateTimeOffset t, bool asleep)
    {
        var segment = Find(t);
        var position = segment.At(t);
        var heading = segment.Moving ? segment.From.BearingTo(segment.To) : 0;
        return new Motion(position, segment.Indoor, segment.Moving ? segment.SpeedMps : 0, heading, asleep && !segment.Moving);
    }

    private Motion OnExcursion(Excursion e, DateTimeOffset t, bool asleep)
    {
        var origin = Planned(e.From, false).Position;
        var back = Planned(e.Until, false).Position;
        var speed = e.Walk ? Travel.WalkingMps : Travel.SpeedFor(origin.DistanceTo(e.Destination.At));
        var outbound = TimeSpan.FromSeconds(origin.DistanceTo(e.Destination.At) / speed);
        var inbound = TimeSpan.FromSeconds(e.Destination.At.DistanceTo(back) / speed);
        var stayEnds = e.Until - inbound;
        if (t < e.From + outbound && t < stayEnds)
        {
            return new Motion(origin.Toward(e.Destination.At, (t - e.From) / outbound), false, speed, origin.BearingTo(e.Destination.At), false);
        }

        if (t < stayEnds)
        {
            return new Motion(e.Destination.At, e.Destination.Indoor, 0, 0, asleep);
        }

        var fraction = inbound <= TimeSpan.Zero ? 1 : Math.Clamp((t - stayEnds) / inbound, 0, 1);
        return new Motion(e.Destination.At.Toward(back, fraction), false, speed, e.Destination.At.BearingTo(back), false);
    }

    private Segment Find(DateTimeOffset t)
    {
        int lo = 0, hi = plan.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (plan[mid].Start <= t)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return plan[lo];
    }
}
