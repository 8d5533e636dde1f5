using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using static Vigil.Domain.Tests.Rules.RuleTestKit;

namespace Vigil.Domain.Tests.Rules;

public sealed class BatteryRuleTests
{
    [Fact]
    public void OnMessage_Discharging_NudgesOnceAtTwentyTenAndFive()
    {
        var kit = new RuleTestKit();
        var nudges = new List<WearerNudge>();
        var t = Monday10;
        foreach (var pct in new[] { 30, 21, 20, 19, 15, 10, 9, 6, 5, 4, 3 })
        {
            nudges.AddRange(kit.Send(kit.Message(t = t.AddMinutes(10), Home, battery: new BatteryReading(pct, false))).Nudges);
        }

        Assert.Equal([20, 10, 5], nudges.Select(n => n.BatteryPercent!.Value));
    }

    [Fact]
    public void OnMessage_ChargedThenDischargedAgain_NudgesAgain()
    {
        var kit = new RuleTestKit();
        var first = kit.Send(kit.Message(Monday10, Home, battery: new BatteryReading(18, false))).Nudges;
        kit.Send(kit.Message(Monday10.AddHours(1), Home, battery: new BatteryReading(60, true)));
        var second = kit.Send(kit.Message(Monday10.AddHours(9), Home, battery: new BatteryReading(19, false))).Nudges;
        Assert.Single(first);
        Assert.Single(second);
    }

    [Fact]
    public void OnTick_DepletedAndSilentFor24Hours_BatteryViolation()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home, battery: new BatteryReading(0, false), events: new DeviceEvent(DeviceEventKind.PowerOffLowBattery, null)));
        Assert.DoesNotContain(kit.Tick(Monday10.AddHours(23).AddMinutes(59)), s => s.Rule == RuleKind.BatteryDepleted);
        var raised = Assert.Single(kit.Tick(Monday10.AddHours(24)), s => s.Rule == RuleKind.BatteryDepleted);
        Assert.Equal(4, raised.Rule.ViolationNumber());
        Assert.Equal(Monday10, raised.ConditionSince);
    }

    [Fact]
    public void OnMessage_BackOnChargeWithin24Hours_NoViolation()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home, battery: new BatteryReading(0, false), events: new DeviceEvent(DeviceEventKind.PowerOffLowBattery, null)));
        kit.Send(kit.Message(Monday10.AddHours(20), Home, battery: new BatteryReading(2, true), events: new DeviceEvent(DeviceEventKind.PowerOn, null)));
        Assert.DoesNotContain(kit.Tick(Monday10.AddHours(30)), s => s.Rule == RuleKind.BatteryDepleted);
    }

    [Fact]
    public void OnTick_SuspensionInTheMiddleOfTheDeadline_DeadlinePausesAndFiresOnce()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home, battery: new BatteryReading(0, false), events: new DeviceEvent(DeviceEventKind.PowerOffLowBattery, null)));

        // Held for questioning from +4 h to +14 h: the 24 hours do not run meanwhile.
        kit.Case = kit.Case with
        {
            Monitored = [new TimeWindow(Monday10.AddDays(-30), Monday10.AddHours(4)), new TimeWindow(Monday10.AddHours(14), null)],
        };
        Assert.Equal(Monday10.AddHours(34), kit.Case.DeadlineAfter(Monday10, TimeSpan.FromHours(24)));
        Assert.DoesNotContain(kit.Tick(Monday10.AddHours(30)), s => s.Rule == RuleKind.BatteryDepleted);
        Assert.Single(kit.Tick(Monday10.AddHours(34)), s => s.Rule == RuleKind.BatteryDepleted);
        Assert.DoesNotContain(kit.Tick(Monday10.AddHours(40)), s => s.Rule == RuleKind.BatteryDepleted);
    }
}
