using Vigil.Domain.Scope;

namespace Vigil.Domain.Investigations;

/// <summary>One person's presence in a searched area: when first and last seen there, how many fixes, and a few of them.</summary>
public sealed record PlaceVisit(Guid PersonId, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, int Fixes, IReadOnlyList<PersonFix> Samples)
{
    /// <summary>
    /// Who was in <paramref name="area"/>: the candidate fixes (from the grid cells around it) tested exactly, grouped by
    /// person, longest presence first. <paramref name="samples"/> fixes per person are kept as evidence, spread
    /// over the visit (the first, the last and evenly between).
    /// </summary>
    public static IReadOnlyList<PlaceVisit> Find(IEnumerable<PersonFix> candidates, ZoneShape area, int samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        return
        [
            .. candidates.Where(f => area.Contains(f.Lat, f.Lon))
                .GroupBy(f => f.PersonId)
                .Select(g =>
                {
                    var fixes = g.OrderBy(f => f.MeasuredAt).ToList();
                    return new PlaceVisit(g.Key, fixes[0].MeasuredAt, fixes[^1].MeasuredAt, fixes.Count, Spread(fixes, samples));
                })
                .OrderByDescending(v => v.LastSeenAt - v.FirstSeenAt).ThenByDescending(v => v.Fixes).ThenBy(v => v.PersonId),
        ];
    }

    /// <summary>At most <paramref name="count"/> items, evenly spread and always including the first and the last.</summary>
    internal static IReadOnlyList<T> Spread<T>(IReadOnlyList<T> items, int count)
    {
        if (items.Count <= count)
        {
            return items;
        }

        if (count == 1)
        {
            return [items[0]];
        }

        return [.. Enumerable.Range(0, count).Select(i => items[(int)Math.Round(i * (items.Count - 1) / (double)(count - 1))])];
    }
}
