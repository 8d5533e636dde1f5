using System.Text.Json;
using Vigil.Domain.Alerts;
using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using static Vigil.Domain.Tests.Rules.RuleTestKit;

namespace Vigil.Domain.Tests.Rules;

public sealed class HealthRuleTests
{
    private static readonly WearReading Worn = new(StrapState.Closed, true, CaseState.Closed);
    private static readonly WearReading OffBody = new(StrapState.Closed, false, CaseState.Closed);
    private static readonly MotionReading Still = new(0, 0.01);
    private static readonly MotionReading Moving = new(40, 0.5);

    private static Vitals Normal => new(70, 45, 97, 33, 2, 14);

    private static DeviceMessage Reading(RuleTestKit kit, DateTimeOffset t, Vitals vitals, MotionReading? motion = null, WearReading? wear = null) =>
        kit.Message(t, Home, wear: wear ?? Worn, motion: motion ?? Still) with { Vitals = vitals };

    private static List<RuleSignal> Series(RuleTestKit kit, DateTimeOffset from, int count, TimeSpan every, Func<int, Vitals> vitals,
        Func<int, MotionReading>? motion = null, WearReading? wear = null)
    {
        var signals = new List<RuleSignal>();
        for (var i = 0; i < count; i++)
        {
            signals.AddRange(kit.Send(Reading(kit, from + (every * i), vitals(i), motion?.Invoke(i), wear)).Signals);
        }

        return signals;
    }

    [Fact]
    public void OnMessage_OneLowSpO2Reading_NoAlert()
    {
        var kit = new RuleTestKit();
        var signals = Series(kit, Monday10, 6, TimeSpan.FromMinutes(1), i => i == 2 ? Normal with { SpO2Percent = 80 } : Normal, _ => Moving);
        Assert.Empty(signals);
    }

    [Fact]
    public void OnMessage_SpO2LowForThreeMinutes_CriticalOverdoseWithinAMinuteOfTheCriterion()
    {
        var kit = new RuleTestKit();
        var signals = Series(kit, Monday10, 6, TimeSpan.FromMinutes(1), _ => Normal with { SpO2Percent = 84 }, _ => Moving);
        var raised = Assert.Single(signals);
        Assert.Equal((RuleKind.PossibleOverdose, SignalKind.Raised), (raised.Rule, raised.Kind));
        Assert.Equal(AlertSeverity.Critical, raised.Rule.SeverityOf());
        Assert.Null(raised.Rule.ViolationNumber());
        Assert.Equal(Monday10.AddMinutes(3), raised.ConditionSince); // when the criterion was met
        Assert.True(raised.At - raised.ConditionSince <= TimeSpan.FromSeconds(60));
        Assert.Contains("SpO2", raised.Detail, StringComparison.Ordinal);
        Assert.All(raised.Evidence, e => Assert.Equal((Home.Lat, Home.Lon), (e.Lat!.Value, e.Lon!.Value)));
    }

    [Fact]
    public void OnMessage_SpO2LowForTwoAndAHalfMinutesThenNormal_NoAlert()
    {
        var kit = new RuleTestKit();
        var signals = Series(kit, Monday10, 8, TimeSpan.FromSeconds(30), i => i <= 5 ? Normal with { SpO2Percent = 84 } : Normal, _ => Moving);
        Assert.Empty(signals);
    }

    [Fact]
    public void OnMessage_OneSlowBreathingReadingWhileMoving_NoAlertUntilASecondConfirmsIt()
    {
        var kit = new RuleTestKit();
        Assert.Empty(Series(kit, Monday10, 3, TimeSpan.FromMinutes(1), i => i == 1 ? Normal with { RespirationRatePerMin = 4 } : Normal, _ => Moving));
        var signals = Series(kit, Monday10.AddMinutes(3), 2, TimeSpan.FromMinutes(1), _ => Normal with { RespirationRatePerMin = 4 }, _ => Moving);
        var raised = Assert.Single(signals);
        Assert.Equal(RuleKind.PossibleOverdose, raised.Rule);
        Assert.Equal(Monday10.AddMinutes(4), raised.At);
        Assert.Equal(Monday10.AddMinutes(3), raised.ConditionSince);
    }

    [Fact]
    public void OnMessage_SlowBreathingWithAStillWristAndLowSpO2_AlertAtTheFirstReading()
    {
        var kit = new RuleTestKit();
        Series(kit, Monday10, 2, TimeSpan.FromMinutes(1), _ => Normal);
        var raised = Assert.Single(kit.Send(Reading(kit, Monday10.AddMinutes(2), Normal with { RespirationRatePerMin = 3, SpO2Percent = 89 })).Signals);
        Assert.Equal(RuleKind.PossibleOverdose, raised.Rule);
        Assert.Equal(Monday10.AddMinutes(2), raised.At);
        Assert.Contains("corroborated", raised.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OnMessage_NoBreathingAndStillForThirtySeconds_Alert()
    {
        var kit = new RuleTestKit(OnlyNoBreathing());
        var signals = Series(kit, Monday10, 4, TimeSpan.FromSeconds(15), _ => Normal with { RespirationRatePerMin = 0 });
        var raised = Assert.Single(signals);
        Assert.Equal(Monday10.AddSeconds(30), raised.At);
        Assert.Contains("no breathing and no motion", raised.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OnMessage_MotionDuringNoBreathing_RestartsTheClock()
    {
        var kit = new RuleTestKit(OnlyNoBreathing());
        var motion = new Func<int, MotionReading>(i => i == 1 ? Moving : Still);
        // 0 s still, 20 s moving (restarts), 40 s still (clock from here), 60 s still: 20 s, not yet.
        var early = Series(kit, Monday10, 4, TimeSpan.FromSeconds(20), _ => Normal with { RespirationRatePerMin = 0 }, motion);
        Assert.Empty(early);
        var raised = Assert.Single(kit.Send(Reading(kit, Monday10.AddSeconds(70), Normal with { RespirationRatePerMin = 0 })).Signals);
        Assert.Equal(Monday10.AddSeconds(70), raised.At);
        Assert.Equal(Monday10.AddSeconds(70), raised.ConditionSince);
    }

    [Fact]
    public void OnMessage_OverdoseVitalsWithoutSkinContact_NoAlert()
    {
        var kit = new RuleTestKit();
        var signals = Series(kit, Monday10, 6, TimeSpan.FromMinutes(1), _ => new Vitals(40, 20, 70, 30, 1, 2), wear: OffBody);
        Assert.DoesNotContain(signals, s => s.Rule == RuleKind.PossibleOverdose);
    }

    [Fact]
    public void OnMessage_OneReadingWithoutSkinContactDuringAnEpisode_NeitherEndsNorRaisesItAgain()
    {
        // Regression (found by the quality harness): a loose strap's one-reading contact glitch ended the alert and the
        // next reading raised a second one for the same episode.
        var kit = new RuleTestKit();
        var overdose = new Vitals(45, 20, 80, 33, 1, 3);
        var signals = Series(kit, Monday10, 3, TimeSpan.FromMinutes(1), _ => overdose);
        signals.AddRange(kit.Send(kit.Message(Monday10.AddMinutes(3), Home, wear: OffBody, motion: Still)).Signals);
        signals.AddRange(Series(kit, Monday10.AddMinutes(4), 3, TimeSpan.FromMinutes(1), _ => overdose));
        Assert.Equal([SignalKind.Raised], signals.Select(s => s.Kind));
    }

    [Fact]
    public void OnMessage_OverdoseVitalsDuringAnApprovedRemoval_NoAlert()
    {
        var kit = new RuleTestKit();
        kit.Case = kit.Case with { ApprovedRemovals = [new TimeWindow(Monday10.AddMinutes(-5), Monday10.AddHours(1))] };
        var signals = Series(kit, Monday10, 6, TimeSpan.FromMinutes(1), _ => new Vitals(40, 20, 70, 30, 1, 2));
        Assert.Empty(signals);
    }

    [Fact]
    public void OnMessage_OneEpisode_OneAlertEndedOnRecovery_TheNextEpisodeRaisesAgain()
    {
        var kit = new RuleTestKit();
        var overdose = new Vitals(45, 20, 80, 33, 1, 3);
        var signals = Series(kit, Monday10, 8, TimeSpan.FromMinutes(1), _ => overdose);
        signals.AddRange(Series(kit, Monday10.AddMinutes(8), 1, TimeSpan.FromMinutes(1), _ => Normal));
        Assert.Equal([SignalKind.Raised], signals.Select(s => s.Kind)); // one recovered reading is not recovery yet
        signals.AddRange(Series(kit, Monday10.AddMinutes(9), 3, TimeSpan.FromMinutes(1), _ => Normal));
        signals.AddRange(Series(kit, Monday10.AddMinutes(30), 3, TimeSpan.FromMinutes(1), _ => overdose));
        Assert.Equal([SignalKind.Raised, SignalKind.Ended, SignalKind.Raised], signals.Select(s => s.Kind));
        Assert.All(signals, s => Assert.Equal("overdose", s.Key));
    }

    [Fact]
    public void OnMessage_OverdoseWithNoFixInTheMessage_EvidenceCarriesTheLastKnownPosition()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Work, wear: Worn));
        RuleSignal? raised = null;
        for (var m = 1; m <= 3 && raised is null; m++)
        {
            var message = new DeviceMessage(100 + m, Monday10.AddMinutes(m), null, null, Worn, new Vitals(45, 20, 82, 33, 1, 3), Still, []);
            raised = kit.Send(message).Signals.SingleOrDefault();
        }

        Assert.NotNull(raised);
        Assert.All(raised.Evidence, e => Assert.Equal((Work.Lat, Work.Lon), (e.Lat!.Value, e.Lon!.Value)));
        Assert.Contains("SpO2 82", raised.Evidence[^1].Reading, StringComparison.Ordinal);
    }

    [Fact]
    public void OnMessage_StressAtRestAfterTheBaselineIsLearned_PossibleDrugUseFlagForReviewOnly()
    {
        var kit = new RuleTestKit(new RuleOptions { Health = { BaselineReadyReadings = 60 } });
        var random = new Random(3);
        var t = Monday10.AddDays(-2);
        var signals = new List<RuleSignal>();
        for (; t < Monday10; t = t.AddMinutes(1))
        {
            signals.AddRange(kit.Send(Reading(kit, t, Usual(random))).Signals);
        }

        Assert.Empty(signals); // two days of ordinary life: no flag
        for (var i = 0; i < 30; i++, t = t.AddMinutes(1))
        {
            var usual = Usual(random);
            signals.AddRange(kit.Send(Reading(kit, t, usual with
            {
                HeartRateBpm = usual.HeartRateBpm + 25, HrvRmssdMs = usual.HrvRmssdMs * 0.55, EdaMicrosiemens = usual.EdaMicrosiemens * 3,
            })).Signals);
        }

        var raised = Assert.Single(signals);
        Assert.Equal(RuleKind.PossibleDrugUse, raised.Rule);
        Assert.NotEqual(AlertSeverity.Critical, raised.Rule.SeverityOf());
        Assert.Null(raised.Rule.ViolationNumber());
        Assert.Contains("not a violation", raised.Detail, StringComparison.Ordinal);
        Assert.Contains("heart rate up", raised.Parameters["signals"], StringComparison.Ordinal);
        Assert.Contains("usual", raised.Evidence[0].Reading, StringComparison.Ordinal);
        Assert.InRange(raised.At - raised.ConditionSince, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(11));
    }

    [Fact]
    public void Twin_Json_KeepsTheBaseline()
    {
        var kit = new RuleTestKit();
        var random = new Random(5);
        for (var m = 0; m < 120; m++)
        {
            kit.Send(Reading(kit, Monday10.AddMinutes(m), Usual(random)));
        }

        var json = JsonSerializer.Serialize(kit.Twin, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<DeviceTwin>(json, JsonSerializerOptions.Web)!;
        var before = kit.Twin.Health.Baseline.Of(Monday10, Health.VitalSign.HeartRate);
        var after = back.Health.Baseline.Of(Monday10, Health.VitalSign.HeartRate);
        Assert.Equal((before.Center, before.Scale, before.Count), (after.Center, after.Scale, after.Count));
        Assert.InRange(after.Center, 68, 72);
        Assert.True(json.Length < 4000, $"the twin's JSON is {json.Length} characters");
    }

    private static Vitals Usual(Random random) => new(70 + Gaussian(random, 3), 45 + Gaussian(random, 5), 97, 33 + Gaussian(random, 0.2),
        Math.Exp(0.7 + Gaussian(random, 0.25)), 14);

    private static double Gaussian(Random random, double sigma) =>
        sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Slow breathing switched off, so the no-breathing clock is tested on its own.</summary>
    private static RuleOptions OnlyNoBreathing() => new() { Health = { OverdoseRespirationPerMin = -1 } };
}
