using Vigil.Domain.Scope;

namespace Vigil.Domain.Tests.Scope;

public class ScheduleWindowTests
{
    private static readonly ScheduleWindow Weekdays = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(7, 0), new TimeOnly(18, 0));

    private static readonly ScheduleWindow FridayNight = new([DayOfWeek.Friday], new TimeOnly(22, 0), new TimeOnly(5, 0));

    [Theory]
    [InlineData(DayOfWeek.Monday, 7, 0, true)]
    [InlineData(DayOfWeek.Monday, 6, 59, false)]
    [InlineData(DayOfWeek.Wednesday, 12, 0, true)]
    [InlineData(DayOfWeek.Friday, 17, 59, true)]
    [InlineData(DayOfWeek.Friday, 18, 0, false)]
    [InlineData(DayOfWeek.Saturday, 12, 0, false)]
    [InlineData(DayOfWeek.Sunday, 7, 0, false)]
    public void Contains_SameDayWindow_FromInclusiveToExclusive(DayOfWeek day, int hour, int minute, bool expected)
    {
        Assert.Equal(expected, Weekdays.Contains(day, new TimeOnly(hour, minute)));
    }

    [Theory]
    [InlineData(DayOfWeek.Friday, 22, 0, true)]
    [InlineData(DayOfWeek.Friday, 23, 59, true)]
    [InlineData(DayOfWeek.Saturday, 0, 0, true)]
    [InlineData(DayOfWeek.Saturday, 4, 59, true)]
    [InlineData(DayOfWeek.Saturday, 5, 0, false)]
    [InlineData(DayOfWeek.Friday, 21, 59, false)]
    [InlineData(DayOfWeek.Friday, 3, 0, false)]
    [InlineData(DayOfWeek.Saturday, 22, 0, false)]
    [InlineData(DayOfWeek.Thursday, 23, 0, false)]
    public void Contains_OvernightWindow_EveningOnListedDayMorningOnNextDay(DayOfWeek day, int hour, int minute, bool expected)
    {
        Assert.Equal(expected, FridayNight.Contains(day, new TimeOnly(hour, minute)));
    }

    [Fact]
    public void Contains_OvernightFromSunday_RunsIntoMonday()
    {
        var window = new ScheduleWindow([DayOfWeek.Sunday], new TimeOnly(22, 0), new TimeOnly(5, 0));

        Assert.True(window.Contains(DayOfWeek.Monday, new TimeOnly(4, 0)));
        Assert.False(window.Contains(DayOfWeek.Sunday, new TimeOnly(4, 0)));
    }

    [Fact]
    public void Contains_WindowEndingAtMidnight_CoversLastMinuteNotNextDay()
    {
        var window = new ScheduleWindow([DayOfWeek.Monday], new TimeOnly(22, 0), new TimeOnly(0, 0));

        Assert.True(window.Contains(DayOfWeek.Monday, new TimeOnly(23, 59, 59)));
        Assert.False(window.Contains(DayOfWeek.Tuesday, new TimeOnly(0, 0)));
    }
}
