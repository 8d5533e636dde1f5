using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Vigil.Domain.Time;

namespace Vigil.Domain.Tests.Time;

public class VietnamTimeTests
{
    [Theory]
    [InlineData("2026-01-01T16:59:59Z", "2026-01-01")]
    [InlineData("2026-01-01T17:00:00Z", "2026-01-02")]
    [InlineData("2026-01-01T00:00:00Z", "2026-01-01")]
    [InlineData("2025-12-31T17:00:00Z", "2026-01-01")] // New Year in Vietnam, still 31 December in UTC
    [InlineData("2028-02-28T17:00:00Z", "2028-02-29")]
    [InlineData("2026-01-02T01:00:00+02:00", "2026-01-02")] // 2026-01-01T23:00Z = 06:00 on the 2nd in Vietnam
    public void LocalDate_Instant_VietnamCalendarDate(string instant, string expected)
    {
        var date = VietnamTime.LocalDate(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), date);
    }

    [Fact]
    public void LocalDate_FakeClockAcrossLocalMidnight_DateChangesAtSeventeenUtc()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 16, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 10), VietnamTime.LocalDate(clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(new DateOnly(2026, 3, 11), VietnamTime.LocalDate(clock.GetUtcNow()));
    }

    [Fact]
    public void ToLocal_Instant_SameInstantAtPlusSeven()
    {
        var instant = new DateTimeOffset(2026, 1, 1, 17, 30, 0, TimeSpan.Zero);

        var local = VietnamTime.ToLocal(instant);

        Assert.Equal(TimeSpan.FromHours(7), local.Offset);
        Assert.Equal(instant, local);
        Assert.Equal(new DateTime(2026, 1, 2, 0, 30, 0), local.DateTime);
    }

    [Fact]
    public void StartOfDay_Date_SeventeenUtcTheDayBefore()
    {
        var start = VietnamTime.StartOfDay(new DateOnly(2026, 1, 2));

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 17, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-02")]
    [InlineData("2028-02-29")]
    [InlineData("2026-12-31")]
    public void StartOfDay_AroundMidnight_FirstInstantOfTheLocalDate(string day)
    {
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var start = VietnamTime.StartOfDay(date);

        Assert.Equal(date, VietnamTime.LocalDate(start));
        Assert.Equal(date.AddDays(-1), VietnamTime.LocalDate(start.AddTicks(-1)));
        Assert.Equal(start + TimeSpan.FromDays(1), VietnamTime.StartOfDay(date.AddDays(1)));
    }
}
