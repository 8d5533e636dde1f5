using Vigil.Domain.Alerts;
using Vigil.Domain.Compliance;

namespace Vigil.Domain.Tests.Compliance;

public class ComplianceScoreTests
{
    private static readonly ComplianceOptions Options = new();
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    private static readonly ComplianceInputs Perfect = new(Month, Month, 30, 0, 0, TimeSpan.Zero, [], 2, 2);

    [Fact]
    public void Compute_PerfectMonth_HundredAndGood()
    {
        var score = ComplianceScore.Compute(Perfect, Options)!;

        Assert.Equal((100, ComplianceTier.Good), (score.Score, score.Tier));
        Assert.Equal(["wear", "charging", "zones", "violations", "reports"], score.Parts.Select(p => p.Name));
        Assert.Equal(100, score.Parts.Sum(p => p.Points), 1);
    }

    [Fact]
    public void Compute_NotMonitored_NoScore()
    {
        Assert.Null(ComplianceScore.Compute(Perfect with { Monitored = TimeSpan.Zero, Worn = TimeSpan.Zero }, Options));
    }

    [Fact]
    public void Compute_WornHalfTheTime_LosesHalfTheWearPoints()
    {
        var score = ComplianceScore.Compute(Perfect with { Worn = Month / 2 }, Options)!;

        Assert.Equal(85, score.Score);
        var wear = score.Parts.Single(p => p.Name == "wear");
        Assert.Equal((0.5, 15.0), (wear.Fraction, wear.Points));
        Assert.Equal("Device worn 50 % of the monitored time", wear.WhyEn);
        Assert.StartsWith("Đeo thiết bị 50 %", wear.WhyVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ViolationsWeighedBySeverity()
    {
        var medium = ComplianceScore.Compute(Perfect with { ConfirmedViolations = [AlertSeverity.Medium] }, Options)!;
        var high = ComplianceScore.Compute(Perfect with { ConfirmedViolations = [AlertSeverity.High] }, Options)!;
        var critical = ComplianceScore.Compute(Perfect with { ConfirmedViolations = [AlertSeverity.Critical, AlertSeverity.Critical] }, Options)!;

        Assert.Equal((97, 93, 80), (medium.Score, high.Score, critical.Score));
        Assert.Equal(0, critical.Parts.Single(p => p.Name == "violations").Fraction);
    }

    [Fact]
    public void Compute_ManyProblems_AttentionTier()
    {
        var inputs = new ComplianceInputs(Month, Month * 0.6, 30, 12, 2, TimeSpan.FromHours(30), [AlertSeverity.High, AlertSeverity.High], 3, 1);

        var score = ComplianceScore.Compute(inputs, Options)!;

        Assert.Equal(ComplianceTier.Attention, score.Tier);
        Assert.InRange(score.Score, 0, 49);
        Assert.Equal(0, score.Parts.Single(p => p.Name == "zones").Fraction);
    }

    [Fact]
    public void Compute_TierBoundaries_Inclusive()
    {
        // Never worn: the wear part (30) is lost, 70 is "watch"; worn a third of the time gives 10 of it back, exactly "good".
        Assert.Equal(ComplianceTier.Watch, ComplianceScore.Compute(Perfect with { Worn = TimeSpan.Zero }, Options)!.Tier);
        Assert.Equal(ComplianceTier.Good, ComplianceScore.Compute(Perfect with { Worn = Month / 3 }, Options)!.Tier);
        Assert.Equal(80, ComplianceScore.Compute(Perfect with { Worn = Month / 3 }, Options)!.Score);
    }
}
