using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using static Vigil.Domain.Tests.Rules.RuleTestKit;

namespace Vigil.Domain.Tests.Rules;

/// <summary>The wearer is warned before a rule is broken, once per deadline, and never on one noisy fix.</summary>
public sealed class NudgeRuleTests
{
    private static List<WearerNudge> Nudges(RuleTestKit kit, DateTimeOffset now) => kit.Engine.OnTick(kit.Twin, kit.Case, now).Nudges;

    [Fact]
    public void OnMessage_SecondFixOutside_LeftAreaNudgeWithTheDwellDeadline()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home));
        Assert.Empty(kit.Send(kit.Message(Monday10.AddMinutes(1), North(Home, 3000))).Nudges);
        var nudge = Assert.Single(kit.Send(kit.Message(Monday10.AddMinutes(2), North(Home, 3000))).Nudges);
        Assert.Equal((NudgeKind.LeftArea, Monday10.AddMinutes(16)), (nudge.Kind, nudge.DueBy));
        Assert.Empty(kit.Send(kit.Message(Monday10.AddMinutes(3), North(Home, 3000))).Nudges);
    }

    [Fact]
    public void OnMessage_OneNoisyFixOutside_NoNudge()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home));
        Assert.Empty(kit.Send(kit.Message(Monday10.AddMinutes(1), North(Home, 3000))).Nudges);
        Assert.Empty(kit.Send(kit.Message(Monday10.AddMinutes(2), Home)).Nudges);
    }

    [Fact]
    public void Departure_NudgedAtOnceThenRemindedTwoHoursBeforeTheDeadline()
    {
        var kit = new RuleTestKit();
        kit.Case = kit.Case with { DepartureAwaitingArrival = Monday10 };
        var first = Assert.Single(Nudges(kit, Monday10.AddMinutes(1)));
        Assert.Equal((NudgeKind.ArrivalReportDue, Monday10.AddHours(24)), (first.Kind, first.DueBy));
        Assert.Empty(Nudges(kit, Monday10.AddHours(12)));
        Assert.Equal(Monday10.AddHours(22), kit.Engine.NextDeadline(kit.Twin, kit.Case));
        Assert.Equal(NudgeKind.ArrivalReportDue, Assert.Single(Nudges(kit, Monday10.AddHours(22))).Kind);
        Assert.Empty(Nudges(kit, Monday10.AddHours(23)));
    }

    [Fact]
    public void Departure_WhileSuspended_NoNudgeAndTheDeadlineWaits()
    {
        var kit = new RuleTestKit();
        kit.Case = kit.Case with
        {
            DepartureAwaitingArrival = Monday10,
            Monitored = [new TimeWindow(Monday10.AddDays(-30), Monday10)],
        };
        Assert.Empty(Nudges(kit, Monday10.AddHours(1)));
    }

    [Fact]
    public void Fault_NudgedOnceWithTheReportDeadline_NotAfterTheReport()
    {
        var kit = new RuleTestKit();
        var sent = kit.Send(kit.Message(Monday10, Home, events: new DeviceEvent(DeviceEventKind.Fault, "gps-antenna")));
        var nudge = Assert.Single(sent.Nudges);
        Assert.Equal((NudgeKind.MalfunctionReportDue, Monday10.AddHours(24)), (nudge.Kind, nudge.DueBy));
        Assert.Empty(kit.Send(kit.Message(Monday10.AddMinutes(1), Home, events: new DeviceEvent(DeviceEventKind.Fault, "gps-antenna"))).Nudges);
    }

    [Fact]
    public void TemporaryRemoval_RemindedTwoHoursBeforeItsEnd()
    {
        var kit = new RuleTestKit();
        kit.Case = kit.Case with { ReattachmentDueBy = Monday10.AddHours(6) };
        Assert.Empty(Nudges(kit, Monday10.AddHours(3)));
        Assert.Equal(Monday10.AddHours(4), kit.Engine.NextDeadline(kit.Twin, kit.Case));
        var nudge = Assert.Single(Nudges(kit, Monday10.AddHours(4)));
        Assert.Equal((NudgeKind.ReattachmentDue, Monday10.AddHours(6)), (nudge.Kind, nudge.DueBy));
        Assert.Empty(Nudges(kit, Monday10.AddHours(5)));
    }
}
