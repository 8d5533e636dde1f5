using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using static Vigil.Domain.Tests.Rules.RuleTestKit;

namespace Vigil.Domain.Tests.Rules;

public sealed class DeadlineRuleTests
{
    [Fact]
    public void OnTick_NoDataFifteenMinutes_OfflineOnceThenEndsWithData()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home), Monday10);
        Assert.Equal(Monday10.AddMinutes(15), kit.Engine.NextDeadline(kit.Twin, kit.Case));
        Assert.Empty(kit.Tick(Monday10.AddMinutes(14)));
        Assert.Equal(RuleKind.Offline, Assert.Single(kit.Tick(Monday10.AddMinutes(15))).Rule);
        Assert.Empty(kit.Tick(Monday10.AddMinutes(30)));
        var ended = Assert.Single(kit.Send(kit.Message(Monday10.AddMinutes(31), Home)).Signals);
        Assert.Equal(SignalKind.Ended, ended.Kind);
    }

    [Fact]
    public void OnTick_SilentWhileSuspended_NotOffline()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home), Monday10);
        kit.Case = kit.Case with { Monitored = [new TimeWindow(Monday10.AddDays(-30), Monday10.AddMinutes(5))] };
        Assert.Empty(kit.Tick(Monday10.AddHours(5)));
    }

    [Fact]
    public void OnTick_DepartureWithoutArrivalFor24Hours_ArrivalNotReported()
    {
        var kit = new RuleTestKit();
        kit.Case = kit.Case with { DepartureAwaitingArrival = Monday10 };
        Assert.DoesNotContain(kit.Tick(Monday10.AddHours(23)), s => s.Rule == RuleKind.ArrivalNotReported);
        var raised = Assert.Single(kit.Tick(Monday10.AddHours(24)), s => s.Rule == RuleKind.ArrivalNotReported);
        Assert.Equal(7, raised.Rule.ViolationNumber());

        kit.Case = kit.Case with { DepartureAwaitingArrival = null };
        Assert.Contains(kit.Tick(Monday10.AddHours(26)), s => s.Kind == SignalKind.Ended && s.Rule == RuleKind.ArrivalNotReported);
    }

    [Fact]
    public void OnTick_RemovalOverrunsItsExpectedEnd_OverdueReattachment()
    {
        var kit = new RuleTestKit();
        kit.Case = kit.Case with { ReattachmentDueBy = Monday10.AddHours(4) };
        Assert.Empty(kit.Tick(Monday10.AddHours(3)));
        Assert.Equal(RuleKind.OverdueReattachment, Assert.Single(kit.Tick(Monday10.AddHours(4))).Rule);
    }

    [Fact]
    public void OnTick_FaultNotReportedIn24Hours_OverdueMalfunctionReport()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home, events: new DeviceEvent(DeviceEventKind.Fault, "gps-antenna")), Monday10);
        var signals = kit.Tick(Monday10.AddHours(24));
        var raised = Assert.Single(signals, s => s.Rule == RuleKind.OverdueMalfunctionReport);
        Assert.Equal("gps-antenna", raised.Parameters["fault"]);
    }

    [Fact]
    public void OnTick_FaultReportedInTime_NoAlert()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home, events: new DeviceEvent(DeviceEventKind.Fault, "gps-antenna")), Monday10);
        kit.Case = kit.Case with { MalfunctionReports = [Monday10.AddHours(3)] };
        Assert.DoesNotContain(kit.Tick(Monday10.AddHours(25)), s => s.Rule == RuleKind.OverdueMalfunctionReport);
    }
}
