using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using static Vigil.Domain.Tests.Rules.RuleTestKit;

namespace Vigil.Domain.Tests.Rules;

public sealed class VitalsWatchRuleTests
{
    private static readonly WearReading Worn = new(StrapState.Closed, true, CaseState.Closed);
    private static readonly MotionReading Still = new(0, 0.01);
    private static readonly MotionReading Moving = new(40, 0.5);

    private static Vitals Normal => new(70, 45, 97, 33, 2, 14);

    private static RuleResult Send(RuleTestKit kit, DateTimeOffset t, Vitals vitals, MotionReading? motion = null) =>
        kit.Send(kit.Message(t, Home, wear: Worn, motion: motion ?? Still) with { Vitals = vitals });

    [Fact]
    public void OnMessage_SlowBreathingAtRest_WatchAsksForTenSecondReportsThenTheOverdoseIsRaisedOnAFastReading()
    {
        var kit = new RuleTestKit();
        Assert.Empty(Send(kit, Monday10, Normal).Watches);

        var first = Send(kit, Monday10.AddMinutes(1), Normal with { RespirationRatePerMin = 8, SpO2Percent = 94 });
        Assert.Empty(first.Signals);
        var watch = Assert.Single(first.Watches);
        Assert.Equal((true, 10, Monday10.AddMinutes(11)), (watch.Started, watch.IntervalSeconds, watch.Until));
        Assert.Equal("slow or no breathing at rest", watch.Reason);
        Assert.Equal(Monday10.AddMinutes(11), kit.Engine.NextDeadline(kit.Twin, kit.Case));

        // Ten seconds later breathing is 3/min and SpO2 is falling: the alert comes from the fast reading, with no second watch.
        var next = Send(kit, Monday10.AddMinutes(1).AddSeconds(10), Normal with { RespirationRatePerMin = 3, SpO2Percent = 91 });
        Assert.Equal(RuleKind.PossibleOverdose, Assert.Single(next.Signals).Rule);
        Assert.Empty(next.Watches);
    }

    [Fact]
    public void OnMessage_CriterionMetOnTheFirstAbnormalReading_AlertWithoutAWatch()
    {
        var kit = new RuleTestKit();
        Send(kit, Monday10, Normal);
        var result = Send(kit, Monday10.AddMinutes(1), Normal with { RespirationRatePerMin = 3, SpO2Percent = 88 });
        Assert.Equal(RuleKind.PossibleOverdose, Assert.Single(result.Signals).Rule);
        Assert.Empty(result.Watches);
    }

    [Fact]
    public void OnMessage_ThreeClearReadings_WatchEnds()
    {
        var kit = new RuleTestKit();
        Assert.Single(Send(kit, Monday10, Normal with { SpO2Percent = 89 }).Watches);
        Assert.Empty(Send(kit, Monday10.AddSeconds(10), Normal).Watches);
        Assert.Empty(Send(kit, Monday10.AddSeconds(20), Normal with { SpO2Percent = 90 }).Watches); // still at the threshold: the count starts again
        Assert.Empty(Send(kit, Monday10.AddSeconds(30), Normal).Watches);
        Assert.Empty(Send(kit, Monday10.AddSeconds(40), Normal).Watches);
        var ended = Assert.Single(Send(kit, Monday10.AddSeconds(50), Normal).Watches);
        Assert.Equal((false, "vitals clear again"), (ended.Started, ended.Reason));
        Assert.Null(kit.Twin.Health.WatchUntil);

        // Clear readings re-arm it: the next abnormal spell gets its own watch.
        Assert.Single(Send(kit, Monday10.AddMinutes(5), Normal with { SpO2Percent = 89 }).Watches);
    }

    [Fact]
    public void OnTick_WatchTimeUpWhileStillAbnormal_EndsAndNoNewWatchUntilAClearReading()
    {
        var kit = new RuleTestKit();
        Assert.Single(Send(kit, Monday10, Normal with { SpO2Percent = 89 }).Watches);
        Send(kit, Monday10.AddMinutes(5), Normal with { SpO2Percent = 89 });

        var tick = kit.Engine.OnTick(kit.Twin, kit.Case, Monday10.AddMinutes(10));
        var ended = Assert.Single(tick.Watches);
        Assert.Equal((false, "the watch's time is up"), (ended.Started, ended.Reason));

        Assert.Empty(Send(kit, Monday10.AddMinutes(11), Normal with { SpO2Percent = 89 }).Watches); // a chronically low SpO2 asks once
        Assert.Empty(Send(kit, Monday10.AddMinutes(12), Normal).Watches);
        Assert.Single(Send(kit, Monday10.AddMinutes(13), Normal with { SpO2Percent = 89 }).Watches);
    }

    [Fact]
    public void OnMessage_LowSpO2WhileMoving_NoWatch()
    {
        var kit = new RuleTestKit();
        Assert.Empty(Send(kit, Monday10, Normal with { SpO2Percent = 87 }, Moving).Watches);
        Assert.Empty(Send(kit, Monday10.AddMinutes(1), Normal with { RespirationRatePerMin = 9, SpO2Percent = 91 }).Watches);
    }

    [Fact]
    public void OnMessage_MonitoringEndsDuringAWatch_WatchEnds()
    {
        var kit = new RuleTestKit();
        Assert.Single(Send(kit, Monday10, Normal with { RespirationRatePerMin = 0 }).Watches);
        kit.Case = new CaseSnapshot();
        var ended = Assert.Single(Send(kit, Monday10.AddSeconds(10), Normal).Watches);
        Assert.Equal((false, "monitoring not in force"), (ended.Started, ended.Reason));
    }
}
