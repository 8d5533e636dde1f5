using Vigil.Domain.Alerts;
using Vigil.Domain.Compliance;

namespace Vigil.Domain.Tests.Compliance;

public sealed class ComplianceHistoryTests
{
    private static readonly ComplianceOptions Options = new();
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset T = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Covered_OverlappingSpans_CountedOnce_ClippedToTheDay()
    {
        var covered = ComplianceHistory.Covered([(T.AddHours(-2), T.AddHours(2)), (T.AddHours(1), T.AddHours(3)), (T.AddHours(5), T.AddHours(6))],
            T, T.AddHours(24));
        Assert.Equal(TimeSpan.FromHours(4), covered);
    }

    [Fact]
    public void ScoreOn_OnlyTheWindowsDays()
    {
        var bad = Day(Today.AddDays(-30), worn: 0); // a day past the 30-day window
        var good = Enumerable.Range(0, 30).Select(i => Day(Today.AddDays(-i), worn: 24)).ToList();

        var score = ComplianceHistory.ScoreOn([bad, .. good], Today, Options);

        Assert.Equal(100, score!.Score);
        Assert.Equal(ComplianceTier.Good, score.Tier);
    }

    [Fact]
    public void Trend_NoMonitoring_NoScoreThatDay_ThenTheRollingScore()
    {
        List<ComplianceDay> days = [Day(Today.AddDays(-1), worn: 12), Day(Today, worn: 24)];

        var trend = ComplianceHistory.Trend(days, Today, 30, Options);

        Assert.Equal(30, trend.Count);
        Assert.Null(trend[27].Score);
        Assert.Equal(85, trend[28].Score); // half the wear part: 100 - 15
        Assert.Equal(93, trend[29].Score); // 36 of 48 hours worn: 100 - 30 × 0.25 = 92.5, rounded half away from zero
    }

    [Fact]
    public void Sum_AddsTheDays_SkipsDaysWithNoMonitoring()
    {
        var inputs = ComplianceDay.Sum([
            Day(Today, worn: 20) with { LowBattery = true, Depletions = 1, HighViolations = 1, ReportsDue = 2, ReportsOnTime = 1 },
            Day(Today.AddDays(-1), worn: 24) with { OutsideArea = TimeSpan.FromHours(3), CriticalViolations = 1 },
            new ComplianceDay(Today.AddDays(-2), TimeSpan.Zero, TimeSpan.Zero, true, 0, TimeSpan.Zero, 0, 0, 0, 0, 0),
        ]);

        Assert.Equal((TimeSpan.FromHours(48), TimeSpan.FromHours(44), 2, 1, 1), (inputs.Monitored, inputs.Worn, inputs.MonitoredDays, inputs.LowBatteryDays, inputs.Depletions));
        Assert.Equal(TimeSpan.FromHours(3), inputs.OutsideArea);
        Assert.Equal(2, inputs.ConfirmedViolations.Count);
        Assert.Contains(AlertSeverity.Critical, inputs.ConfirmedViolations);
        Assert.Contains(AlertSeverity.High, inputs.ConfirmedViolations);
        Assert.Equal((2, 1), (inputs.ReportsDue, inputs.ReportsOnTime));
    }

    private static ComplianceDay Day(DateOnly date, double worn) =>
        new(date, TimeSpan.FromHours(24), TimeSpan.FromHours(worn), false, 0, TimeSpan.Zero, 0, 0, 0, 0, 0);
}
