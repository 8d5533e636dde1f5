using Vigil.Domain.Statistics;

namespace Vigil.Domain.Tests.Statistics;

public class DailyCountsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void Add_AtVietnamMidnight_CountsOnTheNewDay()
    {
        var counts = new DailyCounts(Monday, Monday.AddDays(1));

        counts.Add("alerts", new DateTimeOffset(2026, 11, 23, 16, 59, 59, TimeSpan.Zero)); // 23:59:59 Monday in Vietnam
        counts.Add("alerts", new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero)); // 00:00 Tuesday in Vietnam

        Assert.Equal((1, 1), (counts.On("alerts", Monday), counts.On("alerts", Monday.AddDays(1))));
    }

    [Fact]
    public void Add_OutsideTheRange_Ignored()
    {
        var counts = new DailyCounts(Monday, Monday);

        counts.Add("alerts", counts.Start.AddTicks(-1));
        counts.Add("alerts", counts.End);
        counts.Add("alerts", counts.Start);

        Assert.Equal(1, counts.Total("alerts"));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 17, 0, 0, TimeSpan.Zero), counts.Start);
    }

    [Fact]
    public void On_UnknownSeries_Zero()
    {
        var counts = new DailyCounts(Monday, Monday.AddDays(6));

        Assert.Equal(0, counts.On("violations", Monday));
        Assert.Equal(7, counts.Dates().Count());
    }

    [Fact]
    public void New_LastDayBeforeFirst_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DailyCounts(Monday, Monday.AddDays(-1)));
    }
}
