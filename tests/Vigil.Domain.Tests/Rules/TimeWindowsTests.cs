using Vigil.Domain.Rules;

namespace Vigil.Domain.Tests.Rules;

public sealed class TimeWindowsTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    private static TimeWindow W(int fromHours, int? untilHours) => new(T.AddHours(fromHours), untilHours is { } u ? T.AddHours(u) : null);

    [Fact]
    public void Union_OverlappingTouchingAndEmpty_DisjointInOrder()
    {
        var union = TimeWindows.Union([W(5, 7), W(0, 2), W(2, 3), W(1, 1), W(6, 9), W(12, null), W(14, 15)]);

        Assert.Equal([W(0, 3), W(5, 9), W(12, null)], union);
    }

    [Fact]
    public void Intersect_OpenAndClosedWindows_OnlyCommonInstants()
    {
        var common = TimeWindows.Intersect([W(0, 4), W(6, null)], [W(2, 8), W(10, 12), W(20, null)]);

        Assert.Equal([W(2, 4), W(6, 8), W(10, 12), W(20, null)], common);
    }

    [Fact]
    public void Intersect_NoOverlapOrOnlyTouching_Empty()
    {
        Assert.Empty(TimeWindows.Intersect([W(0, 2)], [W(2, 5)]));
        Assert.Empty(TimeWindows.Intersect([W(0, 2)], []));
    }
}
