using Vigil.Domain.Decisions;
using Vigil.Domain.People;

namespace Vigil.Domain.Tests.Decisions;

/// <summary>Lifecycle transitions; age and duration rules and the in-force judgement are in the other parts.</summary>
public partial class MonitoringDecisionTests
{
    // 10:00 on 2026-01-01 in Vietnam; the decision starts the next day.
    private static readonly DateTimeOffset DraftedAt = new(2026, 1, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2026, 1, 2);
    private static readonly DateTimeOffset ActivatedAt = new(2026, 1, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SuspendedAt = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ResumedAt = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EndedAt = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Guid Chief = new("00000000-0000-0000-0000-00000000c41e");
    private static readonly Guid Officer = new("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid Creator = new("00000000-0000-0000-0000-0000000000c1");

    [Fact]
    public void Draft_ValidAdult_IsDraftCarryingThePersonsGroupAndCommune()
    {
        var person = PersonBorn(new DateOnly(1990, 5, 20));
        person.Group = MonitoringGroup.SubstitutionTreatment;

        var decision = Draft(person, durationMonths: 24, note: "first");

        Assert.Equal(DecisionStatus.Draft, decision.Status);
        Assert.Equal(person.Id, decision.PersonId);
        Assert.Equal(MonitoringGroup.SubstitutionTreatment, decision.Group);
        Assert.Equal("00004", decision.CommuneCode);
        Assert.Equal("QĐ-0001/2026", decision.Number);
        Assert.Equal(Start, decision.StartDate);
        Assert.Equal(new DateOnly(2028, 1, 2), decision.EndDate);
        Assert.Equal(Officer, decision.ManagingOfficerId);
        Assert.Equal(Creator, decision.CreatedBy);
        Assert.Equal(DraftedAt, decision.CreatedAt);
        Assert.Equal("first", decision.Note);
        Assert.False(decision.GuardianRequired);
        Assert.Null(decision.SignedAt);
        Assert.Empty(decision.Actions);
        Assert.False(decision.IsInForce);
    }

    [Fact]
    public void Draft_StartMoreThanAYearAgo_RefusedOnStartDate()
    {
        var e = Assert.Throws<DomainException>(() => MonitoringDecision.Draft(
            PersonBorn(new DateOnly(1990, 1, 1)), "QĐ-1", 12, new DateOnly(2024, 12, 31), Officer, Creator, DraftedAt, new DecisionOptions()));

        Assert.Equal(("startDate", "start-too-early"), (e.Field, e.Code));
    }

    // ---- Lifecycle: allowed transitions ----

    [Fact]
    public void Sign_Draft_BecomesSignedBySigner()
    {
        var decision = Draft(Adult());

        decision.Sign(Chief, DraftedAt, otherDecisionInForce: false);

        Assert.Equal(DecisionStatus.Signed, decision.Status);
        Assert.Equal(Chief, decision.SignedBy);
        Assert.Equal(DraftedAt, decision.SignedAt);
        Assert.True(decision.IsInForce);
    }

    [Fact]
    public void Activate_OnStartDateInVietnamTime_BecomesActive()
    {
        var decision = DecisionIn(DecisionStatus.Signed);

        // 17:00 UTC on 1 January is already midnight of 2 January in Vietnam.
        decision.Activate(Officer, new DateTimeOffset(2026, 1, 1, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal(DecisionStatus.Active, decision.Status);
    }

    [Fact]
    public void Suspend_Active_BecomesSuspendedWithReason()
    {
        var decision = DecisionIn(DecisionStatus.Active);

        decision.Suspend(Chief, SuspensionReason.TemporaryDetention, SuspendedAt, SuspendedAt, "detained");

        Assert.Equal(DecisionStatus.Suspended, decision.Status);
        Assert.Equal(SuspensionReason.TemporaryDetention, decision.Actions[^1].SuspensionReason);
        Assert.True(decision.IsInForce);
    }

    [Fact]
    public void Resume_Suspended_BecomesActive()
    {
        var decision = DecisionIn(DecisionStatus.Suspended);

        decision.Resume(Chief, ResumedAt, ResumedAt, "released");

        Assert.Equal(DecisionStatus.Active, decision.Status);
    }

    [Fact]
    public void SuspendAndResume_Repeatedly_Alternates()
    {
        var decision = DecisionIn(DecisionStatus.Active);

        for (var month = 2; month <= 5; month++)
        {
            var at = new DateTimeOffset(2026, month, 1, 0, 0, 0, TimeSpan.Zero);
            decision.Suspend(Chief, SuspensionReason.TravelAbroad, at, at, null);
            decision.Resume(Chief, at.AddDays(10), at.AddDays(10), null);
        }

        Assert.Equal(DecisionStatus.Active, decision.Status);
        Assert.Equal(2 + 8, decision.Actions.Count);
    }

    [Theory]
    [InlineData(DecisionStatus.Signed)]
    [InlineData(DecisionStatus.Active)]
    [InlineData(DecisionStatus.Suspended)]
    public void End_InForce_BecomesEndedAtEffectiveTime(DecisionStatus from)
    {
        var decision = DecisionIn(from);

        decision.End(Chief, EndedAt, EndedAt, "term over");

        Assert.Equal(DecisionStatus.Ended, decision.Status);
        Assert.Equal(EndedAt, decision.EndedAt);
        Assert.False(decision.IsInForce);
        Assert.Equal(DecisionActionKind.Ending, decision.Actions[^1].Kind);
    }

    [Fact]
    public void Revise_Draft_ChangesTerms()
    {
        var decision = Draft(Adult());
        var otherOfficer = Guid.NewGuid();

        decision.Revise(24, new DateOnly(2026, 2, 1), otherOfficer, "revised", new DecisionOptions());

        Assert.Equal(24, decision.DurationMonths);
        Assert.Equal(new DateOnly(2026, 2, 1), decision.StartDate);
        Assert.Equal(otherOfficer, decision.ManagingOfficerId);
        Assert.Equal("revised", decision.Note);
    }

    // ---- Lifecycle: refused transitions ----

    [Fact]
    public void Sign_Twice_Refused()
    {
        var decision = DecisionIn(DecisionStatus.Signed);

        var e = Assert.Throws<InvalidTransitionException>(() => decision.Sign(Chief, DraftedAt, otherDecisionInForce: false));

        Assert.Equal(("status", "invalid-transition"), (e.Field, e.Code));
        Assert.Single(decision.Actions);
    }

    [Fact]
    public void Sign_OtherDecisionInForce_RefusedAndStaysDraft()
    {
        var decision = Draft(Adult());

        var e = Assert.Throws<InvalidTransitionException>(() => decision.Sign(Chief, DraftedAt, otherDecisionInForce: true));

        Assert.Equal(("personId", "decision-in-force"), (e.Field, e.Code));
        Assert.Equal(DecisionStatus.Draft, decision.Status);
        Assert.Null(decision.SignedBy);
        Assert.Empty(decision.Actions);
    }

    [Theory]
    [InlineData(DecisionStatus.Draft)]
    [InlineData(DecisionStatus.Active)]
    [InlineData(DecisionStatus.Suspended)]
    [InlineData(DecisionStatus.Ended)]
    public void Activate_NotSigned_Refused(DecisionStatus from)
    {
        var decision = DecisionIn(from);

        var e = Assert.Throws<InvalidTransitionException>(() => decision.Activate(Officer, EndedAt));

        Assert.Equal(("status", "invalid-transition"), (e.Field, e.Code));
        Assert.Equal(from, decision.Status);
    }

    [Fact]
    public void Activate_LastSecondBeforeStartDateInVietnamTime_Refused()
    {
        var decision = DecisionIn(DecisionStatus.Signed);

        // 16:59:59 UTC on 1 January is still 23:59:59 on 1 January in Vietnam.
        var e = Assert.Throws<InvalidTransitionException>(() => decision.Activate(Officer, new DateTimeOffset(2026, 1, 1, 16, 59, 59, TimeSpan.Zero)));

        Assert.Equal(("startDate", "not-started"), (e.Field, e.Code));
        Assert.Equal(DecisionStatus.Signed, decision.Status);
    }

    [Theory]
    [InlineData(DecisionStatus.Draft)]
    [InlineData(DecisionStatus.Signed)]
    [InlineData(DecisionStatus.Suspended)]
    [InlineData(DecisionStatus.Ended)]
    public void Suspend_NotActive_Refused(DecisionStatus from)
    {
        var decision = DecisionIn(from);

        var e = Assert.Throws<InvalidTransitionException>(() =>
            decision.Suspend(Chief, SuspensionReason.PrisonSentence, EndedAt, EndedAt, null));

        Assert.Equal(("status", "invalid-transition"), (e.Field, e.Code));
        Assert.Equal(from, decision.Status);
    }

    [Theory]
    [InlineData(DecisionStatus.Draft)]
    [InlineData(DecisionStatus.Signed)]
    [InlineData(DecisionStatus.Active)]
    [InlineData(DecisionStatus.Ended)]
    public void Resume_NotSuspended_Refused(DecisionStatus from)
    {
        var decision = DecisionIn(from);

        var e = Assert.Throws<InvalidTransitionException>(() => decision.Resume(Chief, EndedAt, EndedAt, null));

        Assert.Equal(("status", "invalid-transition"), (e.Field, e.Code));
        Assert.Equal(from, decision.Status);
    }

    [Theory]
    [InlineData(DecisionStatus.Draft)]
    [InlineData(DecisionStatus.Ended)]
    public void End_DraftOrEnded_Refused(DecisionStatus from)
    {
        var decision = DecisionIn(from);
        var actions = decision.Actions.Count;

        var e = Assert.Throws<InvalidTransitionException>(() => decision.End(Chief, EndedAt.AddDays(1), EndedAt.AddDays(1), null));

        Assert.Equal(("status", "invalid-transition"), (e.Field, e.Code));
        Assert.Equal(from, decision.Status);
        Assert.Equal(actions, decision.Actions.Count);
    }

    [Theory]
    [InlineData(DecisionStatus.Signed)]
    [InlineData(DecisionStatus.Active)]
    [InlineData(DecisionStatus.Ended)]
    public void Revise_NotDraft_Refused(DecisionStatus from)
    {
        var decision = DecisionIn(from);

        var e = Assert.Throws<InvalidTransitionException>(() => decision.Revise(24, Start, Officer, null, new DecisionOptions()));

        Assert.Equal(("status", "invalid-transition"), (e.Field, e.Code));
        Assert.Equal(12, decision.DurationMonths);
    }

    private static MonitoringDecision DecisionIn(DecisionStatus status)
    {
        var decision = Draft(Adult());
        if (status == DecisionStatus.Draft)
        {
            return decision;
        }

        decision.Sign(Chief, DraftedAt, otherDecisionInForce: false);
        if (status == DecisionStatus.Ended)
        {
            decision.End(Chief, EndedAt, EndedAt, null);
        }

        if (status is DecisionStatus.Signed or DecisionStatus.Ended)
        {
            return decision;
        }

        decision.Activate(Officer, ActivatedAt);
        if (status == DecisionStatus.Suspended)
        {
            decision.Suspend(Chief, SuspensionReason.CriminalInvestigation, SuspendedAt, SuspendedAt, null);
        }

        Assert.Equal(status, decision.Status);
        return decision;
    }

    private static MonitoringDecision Draft(Person person, int durationMonths = 12, string? note = null, DecisionOptions? options = null) =>
        MonitoringDecision.Draft(person, "QĐ-0001/2026", durationMonths, Start, Officer, Creator, DraftedAt, options ?? new DecisionOptions(), note);

    private static Person Adult() => PersonBorn(new DateOnly(1990, 5, 20));

    private static Person PersonBorn(DateOnly dateOfBirth, int guardians = 0)
    {
        var person = new Person
        {
            FullName = "Nguyễn Văn An",
            NationalId = "001090000001",
            DateOfBirth = dateOfBirth,
            ResidenceAddress = "12 Hàng Bạc, Hoàn Kiếm, Hà Nội",
            ProvinceCode = "01",
            CommuneCode = "00004",
            Group = MonitoringGroup.CommunityRehabilitation,
        };
        for (var i = 0; i < guardians; i++)
        {
            person.Guardians.Add(new Guardian { PersonId = person.Id, FullName = "Nguyễn Thị Bình", Relationship = "mother", Phone = "0912345678" });
        }

        return person;
    }
}
