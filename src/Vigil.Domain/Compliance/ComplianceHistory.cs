namespace Vigil.Domain.Compliance;

/// <summary>A day's score as the trend shows it: null when the person was not monitored in the window ending that day.</summary>
public sealed record ComplianceTrendPoint(DateOnly Date, int? Score, ComplianceTier? Tier);

/// <summary>The rolling score from the stored days: the score on a day and the trend of daily scores before it.</summary>
public static class ComplianceHistory
{
    /// <summary>The score of the window (<see cref="ComplianceOptions.Window"/>, in whole days) ending with <paramref name="date"/>.</summary>
    public static ComplianceScore? ScoreOn(IReadOnlyList<ComplianceDay> days, DateOnly date, ComplianceOptions options)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(options);
        var first = date.AddDays(1 - WindowDays(options));
        return ComplianceScore.Compute(ComplianceDay.Sum(days.Where(d => d.Date >= first && d.Date <= date)), options);
    }

    /// <summary>The score on each of the <paramref name="count"/> days ending with <paramref name="through"/>, oldest first.</summary>
    public static IReadOnlyList<ComplianceTrendPoint> Trend(IReadOnlyList<ComplianceDay> days, DateOnly through, int count, ComplianceOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return [.. Enumerable.Range(0, count).Select(i => through.AddDays(i - count + 1)).Select(date =>
            ScoreOn(days, date, options) is { } score ? new ComplianceTrendPoint(date, score.Score, score.Tier) : new ComplianceTrendPoint(date, null, null))];
    }

    /// <summary>The window in whole calendar days (at least one).</summary>
    public static int WindowDays(ComplianceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Math.Max(1, (int)Math.Ceiling(options.Window.TotalDays));
    }

    /// <summary>The total length of the union of <paramref name="spans"/> within [from, to): overlapping alerts count once.</summary>
    public static TimeSpan Covered(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> spans, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var total = TimeSpan.Zero;
        var reach = from;
        foreach (var (start, end) in spans.Select(s => (From: s.From < from ? from : s.From, To: s.To > to ? to : s.To))
                     .Where(s => s.To > s.From).OrderBy(s => s.From))
        {
            var begin = start > reach ? start : reach;
            if (end > begin)
            {
                total += end - begin;
                reach = end;
            }
        }

        return total;
    }
}
