using Vigil.Domain.Decisions;

namespace Vigil.Domain.Tests.Decisions;

public partial class MonitoringDecisionTests
{
    // ---- Effective times ----

    [Fact]
    public void Suspend_EffectiveMoreThanAYearAhead_Refused()
    {
        var decision = DecisionIn(DecisionStatus.Active);

        var e = Assert.Throws<DomainException>(() =>
            decision.Suspend(Chief, SuspensionReason.TravelAbroad, SuspendedAt.AddDays(367), SuspendedAt, null));

        Assert.Equal(("effectiveAt", "too-far-ahead"), (e.Field, e.Code));
        Assert.Equal(DecisionStatus.Active, decision.Status);
    }

    // Regression: a resumption dated before its suspension was accepted; replayed by effective time the
    // decision was then judged suspended for ever while its status said active.
    [Fact]
    public void Resume_EffectiveBeforeTheSuspension_Refused()
    {
        var decision = DecisionIn(DecisionStatus.Suspended);

        var e = Assert.Throws<DomainException>(() => decision.Resume(Chief, SuspendedAt.AddDays(-1), ResumedAt, null));

        Assert.Equal(("effectiveAt", "before-previous-step"), (e.Field, e.Code));
        Assert.Equal(DecisionStatus.Suspended, decision.Status);
    }

    [Fact]
    public void Suspend_RetroactiveAfterActivation_Allowed()
    {
        var decision = DecisionIn(DecisionStatus.Active);

        // Held on 1 March, recorded on 5 March.
        decision.Suspend(Chief, SuspensionReason.CriminalInvestigation, SuspendedAt, SuspendedAt.AddDays(4), null);

        Assert.False(decision.InForceAt(SuspendedAt.AddHours(1)));
        Assert.Equal(SuspendedAt.AddDays(4), decision.Actions[^1].RecordedAt);
    }

    // ---- In force at an instant ----

    [Fact]
    public void InForceAt_AcrossSuspensionResumptionAndEnd_FollowsEffectiveInstants()
    {
        var decision = DecisionIn(DecisionStatus.Active);
        decision.Suspend(Chief, SuspensionReason.CriminalInvestigation, SuspendedAt, SuspendedAt, null);
        decision.Resume(Chief, ResumedAt, ResumedAt, null);
        decision.End(Chief, EndedAt, EndedAt, null);
        var tick = TimeSpan.FromTicks(1);

        Assert.False(decision.InForceAt(DraftedAt));
        Assert.False(decision.InForceAt(ActivatedAt - tick));
        Assert.True(decision.InForceAt(ActivatedAt));
        Assert.True(decision.InForceAt(SuspendedAt - tick));
        Assert.False(decision.InForceAt(SuspendedAt));
        Assert.False(decision.InForceAt(ResumedAt - tick));
        Assert.True(decision.InForceAt(ResumedAt));
        Assert.True(decision.InForceAt(EndedAt - tick));
        Assert.False(decision.InForceAt(EndedAt));
        Assert.False(decision.InForceAt(EndedAt.AddYears(1)));
    }

    [Fact]
    public void InForceAt_SignedButNeverActivated_NeverInForce()
    {
        var decision = DecisionIn(DecisionStatus.Signed);

        Assert.False(decision.InForceAt(DraftedAt));
        Assert.False(decision.InForceAt(EndedAt));
    }

    [Fact]
    public void InForceAt_EndedStraightFromSigned_NeverInForce()
    {
        var decision = DecisionIn(DecisionStatus.Ended);

        Assert.False(decision.InForceAt(ActivatedAt));
        Assert.False(decision.InForceAt(EndedAt));
    }

    [Fact]
    public void InForceAt_EndScheduledAhead_InForceUntilThen()
    {
        var decision = DecisionIn(DecisionStatus.Active);

        decision.End(Chief, EndedAt, SuspendedAt, null);

        Assert.True(decision.InForceAt(SuspendedAt));
        Assert.False(decision.InForceAt(EndedAt));
    }

    // ---- Actions ----

    [Fact]
    public void Actions_FullLifecycle_RecordedWithSignerReasonAndTimes()
    {
        var decision = DecisionIn(DecisionStatus.Active);
        var recordedLater = SuspendedAt.AddDays(2);
        decision.Suspend(Chief, SuspensionReason.TravelAbroad, SuspendedAt, recordedLater, "abroad");
        decision.Resume(Chief, ResumedAt, ResumedAt, "back");
        decision.End(Chief, EndedAt, EndedAt, "early end");

        Assert.Equal(
            [DecisionActionKind.Signature, DecisionActionKind.Activation, DecisionActionKind.Suspension, DecisionActionKind.Resumption, DecisionActionKind.Ending],
            decision.Actions.Select(a => a.Kind));
        Assert.Equal([Chief, Officer, Chief, Chief, Chief], decision.Actions.Select(a => a.SignedBy));
        Assert.All(decision.Actions, a => Assert.Equal(decision.Id, a.DecisionId));
        Assert.Equal(decision.Actions.Count, decision.Actions.Select(a => a.Id).Distinct().Count());

        var suspension = decision.Actions[2];
        Assert.Equal(SuspensionReason.TravelAbroad, suspension.SuspensionReason);
        Assert.Equal("abroad", suspension.Note);
        Assert.Equal(SuspendedAt, suspension.EffectiveAt);
        Assert.Equal(recordedLater, suspension.RecordedAt);

        Assert.Null(decision.Actions[3].SuspensionReason);
        Assert.Equal("back", decision.Actions[3].Note);
        Assert.Equal("early end", decision.Actions[4].Note);
        Assert.Equal(ActivatedAt, decision.Actions[1].EffectiveAt);
    }

    [Theory]
    [InlineData(DecisionStatus.Draft, false)]
    [InlineData(DecisionStatus.Signed, true)]
    [InlineData(DecisionStatus.Active, true)]
    [InlineData(DecisionStatus.Suspended, true)]
    [InlineData(DecisionStatus.Ended, false)]
    public void IsInForce_ByStatus_SignedActiveOrSuspended(DecisionStatus status, bool expected)
    {
        Assert.Equal(expected, DecisionIn(status).IsInForce);
    }
}
