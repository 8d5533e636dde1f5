using Vigil.Domain.Records;
using Vigil.Domain.Requests;

namespace Vigil.Domain.Tests.Requests;

public class WearerRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AttachedAt = new(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Person = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Wearer = new("00000000-0000-0000-0000-0000000000a2");
    private static readonly Guid Officer = new("00000000-0000-0000-0000-0000000000f1");
    private static readonly WearState OnLeftWrist = new(new Guid("00000000-0000-0000-0000-0000000000b1"), BodyPosition.LeftWrist, AttachedAt, false, null);

    // ---- Temporary removal ----

    [Fact]
    public void TemporaryRemoval_Valid_PendingWithTimes()
    {
        var request = WearerRequest.TemporaryRemoval(Person, "  chụp MRI  ", Now.AddHours(1), Now.AddDays(2), Wearer, Now, new RequestOptions());

        Assert.Equal(RequestKind.TemporaryRemoval, request.Kind);
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Equal("chụp MRI", request.Reason);
        Assert.Equal(Person, request.PersonId);
        Assert.Equal(Wearer, request.SubmittedBy);
        Assert.Equal(Now, request.SubmittedAt);
        Assert.Equal(Now.AddHours(1), request.StartsAt);
        Assert.Equal(Now.AddDays(2), request.ExpectedEnd);
        Assert.Null(request.DecidedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void TemporaryRemoval_EndNotAfterStart_Refused(int endMinutesAfterStart)
    {
        var starts = Now.AddHours(1);

        var e = Assert.Throws<DomainException>(() =>
            WearerRequest.TemporaryRemoval(Person, "MRI", starts, starts.AddMinutes(endMinutesAfterStart), Wearer, Now, new RequestOptions()));

        Assert.Equal(("expectedEnd", "before-start"), (e.Field, e.Code));
    }

    [Fact]
    public void TemporaryRemoval_ExactlyTheMaximum_Allowed()
    {
        var request = WearerRequest.TemporaryRemoval(Person, "surgery", Now, Now.AddDays(30), Wearer, Now, new RequestOptions());

        Assert.Equal(Now.AddDays(30), request.ExpectedEnd);
    }

    [Fact]
    public void TemporaryRemoval_LongerThanTheMaximum_Refused()
    {
        var e = Assert.Throws<DomainException>(() =>
            WearerRequest.TemporaryRemoval(Person, "surgery", Now, Now.AddDays(30).AddSeconds(1), Wearer, Now, new RequestOptions()));

        Assert.Equal(("expectedEnd", "too-long"), (e.Field, e.Code));
    }

    [Fact]
    public void TemporaryRemoval_MaximumFromOptions_Applied()
    {
        var options = new RequestOptions { MaximumRemoval = TimeSpan.FromHours(12) };

        var e = Assert.Throws<DomainException>(() =>
            WearerRequest.TemporaryRemoval(Person, "MRI", Now, Now.AddHours(13), Wearer, Now, options));

        Assert.Equal("too-long", e.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void TemporaryRemoval_EndAlreadyPast_Refused(int endHoursFromNow)
    {
        var e = Assert.Throws<DomainException>(() =>
            WearerRequest.TemporaryRemoval(Person, "MRI", Now.AddDays(-2), Now.AddHours(endHoursFromNow), Wearer, Now, new RequestOptions()));

        Assert.Equal(("expectedEnd", "in-the-past"), (e.Field, e.Code));
    }

    [Fact]
    public void TemporaryRemoval_StartedEarlierButEndsAhead_Allowed()
    {
        var request = WearerRequest.TemporaryRemoval(Person, "emergency", Now.AddHours(-3), Now.AddHours(5), Officer, Now, new RequestOptions());

        Assert.Equal(Now.AddHours(-3), request.StartsAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void TemporaryRemoval_NoReason_Refused(string reason)
    {
        var e = Assert.Throws<DomainException>(() =>
            WearerRequest.TemporaryRemoval(Person, reason, Now.AddHours(1), Now.AddDays(1), Wearer, Now, new RequestOptions()));

        Assert.Equal(("reason", "required"), (e.Field, e.Code));
    }

    // ---- Position change ----

    [Fact]
    public void PositionChange_ComfortWornLessThanAMonth_Refused()
    {
        var justBefore = AttachedAt.AddMonths(1).AddSeconds(-1);

        var e = Assert.Throws<DomainException>(() => PositionChange(PositionChangeReason.Comfort, BodyPosition.RightWrist, OnLeftWrist, justBefore));

        Assert.Equal(("position", "worn-less-than-a-month"), (e.Field, e.Code));
    }

    [Fact]
    public void PositionChange_ComfortExactlyOneMonth_Allowed()
    {
        var request = PositionChange(PositionChangeReason.Comfort, BodyPosition.RightWrist, OnLeftWrist, new DateTimeOffset(2026, 2, 10, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(RequestKind.PositionChange, request.Kind);
        Assert.Equal(BodyPosition.RightWrist, request.RequestedPosition);
        Assert.Equal(PositionChangeReason.Comfort, request.PositionReason);
    }

    [Fact]
    public void PositionChange_MedicalTheDayAfterAttachment_Allowed()
    {
        var request = PositionChange(PositionChangeReason.Medical, BodyPosition.LeftAnkle, OnLeftWrist, AttachedAt.AddDays(1));

        Assert.Equal(PositionChangeReason.Medical, request.PositionReason);
    }

    [Fact]
    public void PositionChange_MonthsInPositionFromOptions_Applied()
    {
        var options = new RequestOptions { MinimumMonthsInPosition = 3 };

        var e = Assert.Throws<DomainException>(() => WearerRequest.PositionChange(Person, "itchy", BodyPosition.RightWrist,
            PositionChangeReason.Comfort, OnLeftWrist, Wearer, AttachedAt.AddMonths(2), options));

        Assert.Equal("worn-less-than-a-month", e.Code);
    }

    [Theory]
    [InlineData(PositionChangeReason.Comfort)]
    [InlineData(PositionChangeReason.Medical)]
    public void PositionChange_SamePosition_Refused(PositionChangeReason why)
    {
        var e = Assert.Throws<DomainException>(() => PositionChange(why, BodyPosition.LeftWrist, OnLeftWrist, AttachedAt.AddMonths(2)));

        Assert.Equal(("position", "same-position"), (e.Field, e.Code));
    }

    [Fact]
    public void PositionChange_NoDevice_Refused()
    {
        var e = Assert.Throws<DomainException>(() => PositionChange(PositionChangeReason.Medical, BodyPosition.RightWrist, WearState.None, Now));

        Assert.Equal(("personId", "no-device"), (e.Field, e.Code));
    }

    // ---- Scope and residence ----

    [Fact]
    public void ScopeChange_Valid_KeepsProposedScope()
    {
        var request = WearerRequest.ScopeChange(Person, "new job", """{"zones":[]}""", Wearer, Now);

        Assert.Equal(RequestKind.ScopeChange, request.Kind);
        Assert.Equal("""{"zones":[]}""", request.ProposedScopeJson);
    }

    [Fact]
    public void ResidenceChange_ToAnotherCommune_KeepsBothCommunesAndMoveDate()
    {
        var request = WearerRequest.ResidenceChange(Person, "moving in with family", "00004", "00070", "5 Lý Thường Kiệt", Now.AddDays(3), Wearer, Now);

        Assert.Equal(RequestKind.ResidenceChange, request.Kind);
        Assert.Equal("00004", request.FromCommuneCode);
        Assert.Equal("00070", request.ToCommuneCode);
        Assert.Equal("5 Lý Thường Kiệt", request.NewAddress);
        Assert.Equal(Now.AddDays(3), request.StartsAt);
    }

    [Fact]
    public void ResidenceChange_SameCommune_Refused()
    {
        var e = Assert.Throws<DomainException>(() =>
            WearerRequest.ResidenceChange(Person, "moving", "00004", "00004", "7 Hàng Bạc", Now.AddDays(3), Wearer, Now));

        Assert.Equal(("toCommuneCode", "same-commune"), (e.Field, e.Code));
    }

    // ---- Malfunction ----

    [Fact]
    public void MalfunctionReport_ExactlyTwentyFourHoursAfterDiscovery_ReportedWithin()
    {
        var request = WearerRequest.MalfunctionReport(Person, "screen dark", Now.AddHours(-24), Wearer, Now);

        Assert.Equal(RequestKind.MalfunctionReport, request.Kind);
        Assert.Equal(Now.AddHours(-24), request.DiscoveredAt);
        Assert.True(request.ReportedWithin(TimeSpan.FromHours(24)));
    }

    [Fact]
    public void MalfunctionReport_OneSecondLate_NotReportedWithin()
    {
        var request = WearerRequest.MalfunctionReport(Person, "screen dark", Now.AddHours(-24).AddSeconds(-1), Wearer, Now);

        Assert.False(request.ReportedWithin(TimeSpan.FromHours(24)));
    }

    [Fact]
    public void MalfunctionReport_DiscoveredSlightlyAheadOfServerClock_Allowed()
    {
        var request = WearerRequest.MalfunctionReport(Person, "strap loose", Now.AddMinutes(4), Wearer, Now);

        Assert.True(request.ReportedWithin(TimeSpan.FromHours(24)));
    }

    [Fact]
    public void MalfunctionReport_DiscoveredInTheFuture_Refused()
    {
        var e = Assert.Throws<DomainException>(() => WearerRequest.MalfunctionReport(Person, "strap loose", Now.AddMinutes(6), Wearer, Now));

        Assert.Equal(("discoveredAt", "in-the-future"), (e.Field, e.Code));
    }

    [Fact]
    public void ReportedWithin_NotAMalfunctionReport_False()
    {
        var request = WearerRequest.ScopeChange(Person, "new job", "{}", Wearer, Now);

        Assert.False(request.ReportedWithin(TimeSpan.FromDays(365)));
    }

    // ---- Decisions ----

    [Fact]
    public void Approve_Pending_ApprovedWithDecider()
    {
        var request = Pending();

        request.Approve(Officer, Now.AddHours(1), "ok");

        Assert.Equal(RequestStatus.Approved, request.Status);
        Assert.Equal(Officer, request.DecidedBy);
        Assert.Equal(Now.AddHours(1), request.DecidedAt);
        Assert.Equal("ok", request.DecisionNote);
    }

    [Fact]
    public void Refuse_PendingWithNote_Refused()
    {
        var request = Pending();

        request.Refuse(Officer, Now.AddHours(1), "no medical paper");

        Assert.Equal(RequestStatus.Refused, request.Status);
        Assert.Equal("no medical paper", request.DecisionNote);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Refuse_WithoutNote_RefusedAndStaysPending(string note)
    {
        var request = Pending();

        var e = Assert.Throws<DomainException>(() => request.Refuse(Officer, Now.AddHours(1), note));

        Assert.Equal(("note", "required"), (e.Field, e.Code));
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.Null(request.DecidedAt);
    }

    [Fact]
    public void Withdraw_Pending_WithdrawnByWearer()
    {
        var request = Pending();

        request.Withdraw(Wearer, Now.AddMinutes(5));

        Assert.Equal(RequestStatus.Withdrawn, request.Status);
        Assert.Equal(Wearer, request.DecidedBy);
        Assert.Null(request.DecisionNote);
    }

    [Theory]
    [InlineData("approve", "approve", RequestStatus.Approved)]
    [InlineData("approve", "refuse", RequestStatus.Approved)]
    [InlineData("approve", "withdraw", RequestStatus.Approved)]
    [InlineData("refuse", "approve", RequestStatus.Refused)]
    [InlineData("withdraw", "approve", RequestStatus.Withdrawn)]
    [InlineData("withdraw", "refuse", RequestStatus.Withdrawn)]
    public void Decide_AlreadyDecided_RefusedKeepingFirstDecision(string first, string second, RequestStatus expected)
    {
        var request = Pending();
        Decide(request, first, Now.AddHours(1));

        var e = Assert.Throws<InvalidTransitionException>(() => Decide(request, second, Now.AddHours(2)));

        Assert.Equal(("status", "already-decided"), (e.Field, e.Code));
        Assert.Equal(expected, request.Status);
        Assert.Equal(Now.AddHours(1), request.DecidedAt);
    }

    private static void Decide(WearerRequest request, string how, DateTimeOffset at)
    {
        switch (how)
        {
            case "approve":
                request.Approve(Officer, at, null);
                break;
            case "refuse":
                request.Refuse(Officer, at, "not justified");
                break;
            default:
                request.Withdraw(Wearer, at);
                break;
        }
    }

    private static WearerRequest Pending() =>
        WearerRequest.TemporaryRemoval(Person, "MRI", Now.AddHours(2), Now.AddHours(6), Wearer, Now, new RequestOptions());

    private static WearerRequest PositionChange(PositionChangeReason why, BodyPosition to, WearState current, DateTimeOffset now) =>
        WearerRequest.PositionChange(Person, "reason", to, why, current, Wearer, now, new RequestOptions());
}
