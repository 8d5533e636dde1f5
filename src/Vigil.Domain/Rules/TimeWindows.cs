namespace Vigil.Domain.Rules;

/// <summary>Set algebra on half-open <see cref="TimeWindow"/>s: the union and the intersection of two sets of spans.</summary>
public static class TimeWindows
{
    /// <summary>
    /// The same instants as <paramref name="windows"/>, as disjoint windows in time order; empty windows are dropped.
    /// An exact-size array (the shared empty one when there are none): every device actor's case holds several.
    /// </summary>
    public static IReadOnlyList<TimeWindow> Union(IEnumerable<TimeWindow> windows)
    {
        var merged = new List<TimeWindow>();
        foreach (var window in windows.Where(w => w.Until is not { } until || until > w.From).OrderBy(w => w.From))
        {
            if (merged.Count > 0 && merged[^1] is var last && (last.Until is not { } lastUntil || lastUntil >= window.From))
            {
                // Overlapping or touching: [a, b) and [b, c) are one span.
                merged[^1] = last with { Until = Later(last.Until, window.Until) };
            }
            else
            {
                merged.Add(window);
            }
        }

        return merged.ToArray();
    }

    /// <summary>The instants in both <paramref name="first"/> and <paramref name="second"/>, as disjoint windows in time order.</summary>
    public static IReadOnlyList<TimeWindow> Intersect(IEnumerable<TimeWindow> first, IEnumerable<TimeWindow> second)
    {
        var b = Union(second);
        var result = new List<TimeWindow>();
        foreach (var x in Union(first))
        {
            foreach (var y in b)
            {
                var from = x.From > y.From ? x.From : y.From;
                var until = Earlier(x.Until, y.Until);
                if (until is not { } end || end > from)
                {
                    result.Add(new TimeWindow(from, until));
                }
            }
        }

        return Union(result);
    }

    /// <summary>The later of two ends, where no end (null) is the latest.</summary>
    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null || b is null ? null : a > b ? a : b;

    /// <summary>The earlier of two ends, where no end (null) is the latest.</summary>
    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
