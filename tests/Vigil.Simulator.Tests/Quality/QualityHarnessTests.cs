using Vigil.Domain.Rules;
using Vigil.Simulator.Quality;

namespace Vigil.Simulator.Tests.Quality;

/// <summary>
/// The short version of the quality harness: 50 people for 5 simulated days (about 360,000 messages) through the
/// real parser and rules engine. The bars are D1 and D2 of PERFORMANCE.md; the long run is in docs/quality.md.
/// </summary>
public sealed class QualityHarnessTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_FiveDaysFiftyPeople_MeetsTheDetectionGoals()
    {
        var (report, labels, _) = QualityHarness.Run(50, 5, 1, Start);

        Assert.Equal(0, report.Rejected);
        Assert.True(report.Duplicates > 0, "the simulated bands resend now and then; the duplicates must be dropped");
        Assert.Empty(report.Failures(new QualityBars(MinRecall: 0.99, MinPrecision: 0.99, MaxFalseAlertsPerPersonDay: 0.05)));
        foreach (var violation in Enum.GetValues<RuleKind>().Where(r => r.ViolationNumber() is not null))
        {
            var score = Assert.Single(report.Rules, r => r.Rule == violation.ToString());
            Assert.True(score.Detected > 0, $"{violation}: nothing detected");
        }

        Assert.Contains(labels, l => l.Scenario == "gathering");
        Assert.Contains("stress", report.UnevaluatedLabels.Keys);
    }

    [Fact]
    public void Run_SixDaysHundredPeople_PossibleOverdoseMeetsD4()
    {
        var (report, labels, _) = QualityHarness.Run(100, 6, 2, Start);
        var health = report.Health;

        Assert.True(health.OverdoseLabelled >= 15, $"only {health.OverdoseLabelled} overdose episodes were simulated");
        Assert.Equal(labels.Count(l => l.Scenario == "overdose"), health.OverdoseLabelled);
        // Recall, delay and false alarms at the D4 bars: the vitals watch has the band report every 10 s from the first slow breath.
        Assert.Empty(health.Failures(minRecall: 0.99, maxFalsePer1000: 1, maxDelayP95Seconds: 60));
        Assert.True(health.OverdoseWithinBudget >= 0.99, $"only {health.OverdoseWithinBudget:P1} of the alerts came within 60 s of the criterion");
        Assert.True(health.WatchCommandsPerPersonDay < 0.5, $"{health.WatchCommandsPerPersonDay:0.00} vitals-watch commands per person-day");
    }

    [Fact]
    public void Run_WithoutTheVitalsWatch_TheSlowestAlertsComeAMinuteAfterTheCriterion()
    {
        // The D4 delay check must be able to fail: with no watch the still band's 60-s cadence sets the delay.
        var options = new RuleOptions { Health = { WatchSpO2Percent = -1, WatchRespirationPerMin = -1 } };
        var health = QualityHarness.Run(100, 6, 2, Start, options).Report.Health;
        Assert.Equal(0, health.WatchCommands);
        Assert.True(health.OverdoseDelayP95Seconds > 50, $"p95 {health.OverdoseDelayP95Seconds} s without the watch");
    }

    [Fact]
    public void Failures_SpO2AloneWithAThirtyMinuteDwell_OverdoseMissesAreNamed()
    {
        // The D4 check must be able to fail: with breathing ignored and SpO2 needing 30 minutes, 8-minute episodes pass unseen.
        var options = new RuleOptions { Health = { OverdoseRespirationPerMin = -1, NoBreathingPerMin = -1, OverdoseSpO2Dwell = TimeSpan.FromMinutes(30) } };
        var (report, _, _) = QualityHarness.Run(50, 5, 1, Start, options);
        Assert.Contains(report.Health.Failures(), f => f.StartsWith("PossibleOverdose: recall 0.0 %", StringComparison.Ordinal));
    }

    [Fact]
    public void Failures_ADwellLongerThanEveryTrip_RecallBelowTheBarIsNamed()
    {
        // The harness must be able to fail: with a 6-hour outside dwell no trip out of the area is caught.
        var (report, _, _) = QualityHarness.Run(12, 5, 1, Start, new RuleOptions { OutsideDwell = TimeSpan.FromHours(6) });
        var failures = report.Failures(new QualityBars());
        Assert.Contains(failures, f => f.StartsWith("OutsideArea: recall 0.0 %", StringComparison.Ordinal));
    }
}
