using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using static Vigil.Domain.Tests.Rules.RuleTestKit;

namespace Vigil.Domain.Tests.Rules;

public sealed class WearRuleTests
{
    private static readonly WearReading Worn = new(StrapState.Closed, true, CaseState.Closed);
    private static readonly WearReading OffBody = new(StrapState.Closed, false, CaseState.Closed);
    private static readonly WearReading StrapOpen = new(StrapState.Open, false, CaseState.Closed);

    [Fact]
    public void OnMessage_CaseOpened_TamperAtOnce()
    {
        var kit = new RuleTestKit();
        var raised = Assert.Single(kit.Send(kit.Message(Monday10, Home, wear: new WearReading(StrapState.Closed, true, CaseState.Open))).Signals);
        Assert.Equal(RuleKind.Tamper, raised.Rule);
        Assert.Equal(1, raised.Rule.ViolationNumber());
        Assert.Contains("case opened", raised.Detail, StringComparison.Ordinal);
        Assert.Empty(kit.Send(kit.Message(Monday10.AddMinutes(1), Home, wear: new WearReading(StrapState.Cut, true, CaseState.Open))).Signals);
    }

    [Fact]
    public void OnMessage_EarlierSeqOfTheSameSecondArrivesLast_TreatedAsLateNotAsTheNewestState()
    {
        // Regression (found by the quality harness): a report and an event message measured in the same second arrived
        // out of order; the older one (case still closed) ended the tamper alert and the next message raised it again.
        var kit = new RuleTestKit();
        var closed = new DeviceMessage(10, Monday10, null, null, Worn, null, null, []);
        var opened = new DeviceMessage(11, Monday10, null, null, new WearReading(StrapState.Closed, true, CaseState.Open), null, null, []);
        var stillOpen = new DeviceMessage(12, Monday10.AddMinutes(1), null, null, new WearReading(StrapState.Closed, true, CaseState.Open), null, null, []);
        var signals = new[] { opened, closed, stillOpen }.SelectMany(m => kit.Send(m).Signals).ToList();
        var raised = Assert.Single(signals);
        Assert.Equal((RuleKind.Tamper, SignalKind.Raised), (raised.Rule, raised.Kind));
    }

    [Fact]
    public void OnMessage_LateMessageOfATamperThatHasEnded_DoesNotRaiseItAgain()
    {
        var kit = new RuleTestKit();
        var opened = new DeviceMessage(10, Monday10, null, null, new WearReading(StrapState.Closed, true, CaseState.Open), null, null, []);
        var closed = new DeviceMessage(12, Monday10.AddMinutes(3), null, null, Worn, null, null, []);
        var lateOpen = new DeviceMessage(11, Monday10.AddMinutes(3), null, null, new WearReading(StrapState.Closed, true, CaseState.Open), null, null, []);
        var signals = new[] { opened, closed, lateOpen }.SelectMany(m => kit.Send(m).Signals).ToList();
        Assert.Equal([SignalKind.Raised, SignalKind.Ended], signals.Select(s => s.Kind));
    }

    [Fact]
    public void OnMessage_OffBodyElevenMinutesStrapClosed_NotWornOnce()
    {
        var kit = new RuleTestKit();
        var signals = new List<RuleSignal>();
        for (var m = 0; m <= 11; m++)
        {
            signals.AddRange(kit.Send(kit.Message(Monday10.AddMinutes(m), Home, wear: OffBody)).Signals);
        }

        var raised = Assert.Single(signals);
        Assert.Equal(RuleKind.NotWorn, raised.Rule);
        Assert.Equal(Monday10.AddMinutes(10), raised.At);
    }

    [Fact]
    public void OnMessage_OffBodyNineMinutesThenWorn_NoAlert()
    {
        var kit = new RuleTestKit();
        var signals = new List<RuleSignal>();
        for (var m = 0; m <= 9; m++)
        {
            signals.AddRange(kit.Send(kit.Message(Monday10.AddMinutes(m), Home, wear: OffBody)).Signals);
        }

        signals.AddRange(kit.Send(kit.Message(Monday10.AddMinutes(10), Home, wear: Worn)).Signals);
        Assert.Empty(signals);
    }

    [Fact]
    public void OnTick_OffBodyAndStillReporting_NotWornRaisedByTime()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home, wear: OffBody));
        kit.Send(kit.Message(Monday10.AddMinutes(9), Home, wear: OffBody));
        Assert.Equal(Monday10.AddMinutes(10), kit.Engine.NextDeadline(kit.Twin, kit.Case));
        Assert.Empty(kit.Tick(Monday10.AddMinutes(9).AddSeconds(30)));
        Assert.Equal(RuleKind.NotWorn, Assert.Single(kit.Tick(Monday10.AddMinutes(10))).Rule);
    }

    [Fact]
    public void OnTick_OffBodyThenSilent_NotJudgedUntilTheBufferedDataArrives()
    {
        // Regression (P4's in-order check): a band off the wrist for a moment went out of coverage; the sweep raised
        // "not worn" from the silence, though the buffered upload showed it back on the wrist two minutes later.
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home, wear: OffBody));
        Assert.Empty(kit.Tick(Monday10.AddMinutes(10)));
        Assert.Empty(kit.Tick(Monday10.AddMinutes(14))); // at 15 minutes the silence is the Offline rule's
        Assert.Empty(kit.Send(kit.Message(Monday10.AddMinutes(2), Home, wear: Worn)).Signals);
        Assert.Null(kit.Twin.OffBodySince);
    }

    [Fact]
    public void OnMessage_BufferedUploadShowsOffBodyThroughout_NotWornAtTheMessageThatConfirmsIt()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home, wear: OffBody));
        Assert.Empty(kit.Tick(Monday10.AddMinutes(12)));
        var raised = kit.Send(kit.Message(Monday10.AddMinutes(5), Home, wear: OffBody)).Signals
            .Concat(kit.Send(kit.Message(Monday10.AddMinutes(11), Home, wear: OffBody)).Signals).ToList();
        Assert.Equal((RuleKind.NotWorn, Monday10, Monday10.AddMinutes(11)), (Assert.Single(raised).Rule, raised[0].ConditionSince, raised[0].At));
    }

    [Fact]
    public void OnMessage_StrapOpenWithoutApproval_SelfRemovalAfterConfirmation()
    {
        var kit = new RuleTestKit();
        Assert.Empty(kit.Send(kit.Message(Monday10, Home, wear: StrapOpen)).Signals);
        var raised = Assert.Single(kit.Send(kit.Message(Monday10.AddMinutes(1), Home, wear: StrapOpen)).Signals);
        Assert.Equal(RuleKind.SelfRemoval, raised.Rule);
        Assert.Equal(3, raised.Rule.ViolationNumber());
    }

    [Fact]
    public void OnMessage_OneGlitchingStrapReading_NoAlert()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home, wear: StrapOpen));
        Assert.Empty(kit.Send(kit.Message(Monday10.AddSeconds(30), Home, wear: Worn)).Signals);
        Assert.Empty(kit.Tick(Monday10.AddMinutes(5)));
    }

    [Fact]
    public void OnMessage_StrapOpenDuringApprovedRemoval_NoAlert()
    {
        var kit = new RuleTestKit();
        kit.Case = kit.Case with { ApprovedRemovals = [new TimeWindow(Monday10.AddMinutes(-1), Monday10.AddHours(4))] };
        for (var m = 0; m < 60; m += 5)
        {
            Assert.Empty(kit.Send(kit.Message(Monday10.AddMinutes(m), Home, wear: StrapOpen)).Signals);
        }
    }

    [Fact]
    public void OnTick_RemovalApprovedAfterTheStrapOpened_ConditionEndsExcused()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home, wear: StrapOpen));
        Assert.Equal(RuleKind.SelfRemoval, Assert.Single(kit.Send(kit.Message(Monday10.AddMinutes(2), Home, wear: StrapOpen)).Signals).Rule);

        // The officer approves the removal (for the hospital visit) after the fact, covering the moment the strap opened.
        kit.Case = kit.Case with { ApprovedRemovals = [new TimeWindow(Monday10.AddMinutes(-10), Monday10.AddHours(3))] };
        var ended = Assert.Single(kit.Tick(Monday10.AddMinutes(10)));
        Assert.Equal(SignalKind.Ended, ended.Kind);
        Assert.Equal("temporary removal approved", ended.Detail);
        Assert.Empty(kit.Send(kit.Message(Monday10.AddMinutes(30), Home, wear: StrapOpen)).Signals);
    }

    [Fact]
    public void OnMessage_BufferedNoFixWhileMoving_PossibleShielding()
    {
        var kit = new RuleTestKit();
        kit.Send(kit.Message(Monday10, Home));
        var uploaded = Monday10.AddMinutes(30);
        var signals = new List<RuleSignal>();
        for (var m = 1; m <= 8; m++)
        {
            signals.AddRange(kit.Send(kit.Message(Monday10.AddMinutes(m), null, motion: new MotionReading(60, 0.7)), uploaded).Signals);
        }

        var raised = Assert.Single(signals);
        Assert.Equal(RuleKind.Tamper, raised.Rule);
        Assert.Equal("shielding", raised.Key);
    }
}
