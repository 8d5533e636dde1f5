using System.Globalization;
using Vigil.Domain.Scope;

namespace Vigil.Domain.Tests.Scope;

public class WeeklyScheduleTests
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    // 2026-01-05 is a Monday; 2026-01-09 a Friday. Vietnam is UTC+7.
    [Theory]
    [InlineData("2026-01-05T00:00:00Z", true)] // Monday 07:00 local
    [InlineData("2026-01-04T23:59:00Z", false)] // Monday 06:59 local
    [InlineData("2026-01-04T17:00:00Z", false)] // Monday 00:00 local, though Sunday in UTC
    [InlineData("2026-01-05T10:59:59Z", true)] // Monday 17:59:59 local
    [InlineData("2026-01-05T11:00:00Z", false)] // Monday 18:00 local
    [InlineData("2026-01-09T05:00:00Z", true)] // Friday 12:00 local
    [InlineData("2026-01-10T03:00:00Z", false)] // Saturday 10:00 local
    [InlineData("2026-01-05T07:00:00+07:00", true)] // the same instant written in local time
    public void AppliesAt_WorkWeekdays_JudgedInVietnamTime(string instant, bool expected)
    {
        var schedule = WeeklySchedule.Parse([(Weekdays, "07:00", "18:00")]);

        Assert.Equal(expected, schedule.AppliesAt(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-01-09T15:00:00Z", true)] // Friday 22:00 local
    [InlineData("2026-01-09T17:30:00Z", true)] // Saturday 00:30 local
    [InlineData("2026-01-09T21:59:00Z", true)] // Saturday 04:59 local
    [InlineData("2026-01-09T22:00:00Z", false)] // Saturday 05:00 local
    [InlineData("2026-01-09T14:59:00Z", false)] // Friday 21:59 local
    [InlineData("2026-01-08T21:00:00Z", false)] // Friday 04:00 local: the morning belongs to Thursday night
    [InlineData("2026-01-10T15:30:00Z", false)] // Saturday 22:30 local
    public void AppliesAt_FridayNightWindow_RunsIntoSaturdayMorning(string instant, bool expected)
    {
        var schedule = WeeklySchedule.Parse([(["friday"], "22:00", "05:00")]);

        Assert.Equal(expected, schedule.AppliesAt(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AppliesAt_SeveralWindows_AnyMatches()
    {
        var schedule = WeeklySchedule.Parse([(["saturday"], "08:00", "12:00"), (["sunday"], "14:00", "16:00")]);

        Assert.True(schedule.AppliesAt(new DateTimeOffset(2026, 1, 10, 8, 0, 0, VietnamOffset)));
        Assert.True(schedule.AppliesAt(new DateTimeOffset(2026, 1, 11, 15, 0, 0, VietnamOffset)));
        Assert.False(schedule.AppliesAt(new DateTimeOffset(2026, 1, 11, 9, 0, 0, VietnamOffset)));
    }

    [Fact]
    public void Parse_DayNamesAnyCaseAndSingleDigitHour_Accepted()
    {
        var schedule = WeeklySchedule.Parse([(["MONDAY", "Sunday"], "7:00", "9:30")]);

        var window = Assert.Single(schedule.Windows);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Sunday], window.Days);
        Assert.Equal(new TimeOnly(7, 0), window.From);
        Assert.Equal(new TimeOnly(9, 30), window.To);
    }

    [Fact]
    public void Parse_UntilTwentyFourHundred_CoversTheLastMinuteOfTheDay()
    {
        var schedule = WeeklySchedule.Parse([(["monday"], "18:00", "24:00")]);

        Assert.True(schedule.AppliesAt(new DateTimeOffset(2026, 1, 5, 23, 59, 30, VietnamOffset)));
        Assert.False(schedule.AppliesAt(new DateTimeOffset(2026, 1, 6, 0, 0, 0, VietnamOffset)));
    }

    [Theory]
    [InlineData("mon")]
    [InlineData("thứ hai")]
    [InlineData("1")]
    [InlineData("7")]
    [InlineData("")]
    [InlineData("monday,tuesday")] // Regression: Enum.TryParse ORed the names and yielded Wednesday.
    public void Parse_UnknownDay_RefusedNamingTheWindow(string day)
    {
        var e = Assert.Throws<DomainException>(() => WeeklySchedule.Parse([(["monday"], "07:00", "18:00"), ([day], "07:00", "18:00")]));

        Assert.Equal(("schedule[1].days", "unknown-day"), (e.Field, e.Code));
    }

    [Theory]
    [InlineData("7am")]
    [InlineData("07:00:00")]
    [InlineData("25:00")]
    [InlineData("07:60")]
    [InlineData("")]
    public void Parse_BadFrom_RefusedNamingTheField(string from)
    {
        var e = Assert.Throws<DomainException>(() => WeeklySchedule.Parse([(["monday"], from, "18:00")]));

        Assert.Equal(("schedule[0].from", "invalid-time"), (e.Field, e.Code));
    }

    [Fact]
    public void Parse_BadToInSecondWindow_RefusedNamingTheField()
    {
        var e = Assert.Throws<DomainException>(() =>
            WeeklySchedule.Parse([(["monday"], "07:00", "18:00"), (["tuesday"], "07:00", "18h")]));

        Assert.Equal(("schedule[1].to", "invalid-time"), (e.Field, e.Code));
    }

    [Fact]
    public void Parse_NoWindows_Refused()
    {
        var e = Assert.Throws<DomainException>(() => WeeklySchedule.Parse([]));

        Assert.Equal(("schedule", "empty"), (e.Field, e.Code));
    }

    [Fact]
    public void Parse_WindowWithoutDays_Refused()
    {
        var e = Assert.Throws<DomainException>(() => WeeklySchedule.Parse([(["monday"], "07:00", "18:00"), ([], "07:00", "18:00")]));

        Assert.Equal(("schedule[1].days", "empty"), (e.Field, e.Code));
    }

    [Fact]
    public void Parse_FromEqualsTo_Refused()
    {
        var e = Assert.Throws<DomainException>(() => WeeklySchedule.Parse([(["monday"], "08:00", "08:00")]));

        Assert.Equal(("schedule[0].to", "empty-window"), (e.Field, e.Code));
    }

    [Fact]
    public void ToJson_WorkWeek_StoredFormat()
    {
        var schedule = WeeklySchedule.Parse([(Weekdays, "7:00", "18:00")]);

        Assert.Equal(
            """[{"days":["Monday","Tuesday","Wednesday","Thursday","Friday"],"from":"07:00","to":"18:00"}]""",
            schedule.ToJson());
    }

    [Fact]
    public void FromJson_ToJsonOutput_RoundTrips()
    {
        var original = WeeklySchedule.Parse([(Weekdays, "07:00", "18:00"), (["friday", "saturday"], "22:00", "05:00")]);

        var copy = WeeklySchedule.FromJson(original.ToJson());

        Assert.Equal(original.Windows.Count, copy.Windows.Count);
        for (var i = 0; i < original.Windows.Count; i++)
        {
            Assert.Equal(original.Windows[i].Days, copy.Windows[i].Days);
            Assert.Equal(original.Windows[i].From, copy.Windows[i].From);
            Assert.Equal(original.Windows[i].To, copy.Windows[i].To);
        }

        Assert.Equal(original.ToJson(), copy.ToJson());
    }

    // Regression: "24:00" was stored as "23:59", so after a reload the zone stopped applying a minute early.
    [Fact]
    public void FromJson_UntilTwentyFourHundred_KeepsTheLastMinute()
    {
        var original = WeeklySchedule.Parse([(["monday"], "18:00", "24:00")]);

        var copy = WeeklySchedule.FromJson(original.ToJson());

        Assert.Contains("\"to\":\"24:00\"", original.ToJson(), StringComparison.Ordinal);
        Assert.Equal(TimeOnly.MaxValue, copy.Windows[0].To);
        Assert.True(copy.AppliesAt(new DateTimeOffset(2026, 1, 5, 23, 59, 30, VietnamOffset)));
    }

    [Fact]
    public void FromJson_UnknownDayInStoredJson_RefusedNamingTheWindow()
    {
        var e = Assert.Throws<DomainException>(() => WeeklySchedule.FromJson("""[{"days":["Funday"],"from":"07:00","to":"18:00"}]"""));

        Assert.Equal(("schedule[0].days", "unknown-day"), (e.Field, e.Code));
    }
}
