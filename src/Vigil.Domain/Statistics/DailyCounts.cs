using Vigil.Domain.Time;

namespace Vigil.Domain.Statistics;

/// <summary>
/// Counts of events per Vietnam calendar day (UTC+7, as officers read dates), one counter per series, over an
/// inclusive range of days. Events outside the range are ignored, so a caller may stream a slightly wider query.
/// </summary>
public sealed class DailyCounts
{
    private readonly Dictionary<string, int[]> _series = new(StringComparer.Ordinal);

    public DailyCounts(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The last day must not be before the first ({from}).");
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The first instant of <see cref="From"/> in Vietnam.</summary>
    public DateTimeOffset Start => VietnamTime.StartOfDay(From);

    /// <summary>The first instant after <see cref="To"/> in Vietnam.</summary>
    public DateTimeOffset End => VietnamTime.StartOfDay(To.AddDays(1));

    /// <summary>Counts one event of <paramref name="series"/> on the Vietnam day of <paramref name="at"/>.</summary>
    public void Add(string series, DateTimeOffset at)
    {
        var index = VietnamTime.LocalDate(at).DayNumber - From.DayNumber;
        if (index < 0 || index >= Days)
        {
            return;
        }

        if (!_series.TryGetValue(series, out var counts))
        {
            _series[series] = counts = new int[Days];
        }

        counts[index]++;
    }

    /// <summary>The count of <paramref name="series"/> on <paramref name="day"/>; 0 when none.</summary>
    public int On(string series, DateOnly day)
    {
        var index = day.DayNumber - From.DayNumber;
        return index >= 0 && index < Days && _series.TryGetValue(series, out var counts) ? counts[index] : 0;
    }

    public int Total(string series) => _series.TryGetValue(series, out var counts) ? counts.Sum() : 0;

    public IEnumerable<DateOnly> Dates() => Enumerable.Range(0, Days).Select(From.AddDays);
}
