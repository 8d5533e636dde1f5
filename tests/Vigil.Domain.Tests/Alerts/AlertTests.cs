using Vigil.Domain.Alerts;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Rules;

namespace Vigil.Domain.Tests.Alerts;

public class AlertTests
{
    private static readonly DateTimeOffset Since = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Since.AddMinutes(20);
    private static readonly Guid Person = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Officer = new("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid OtherOfficer = new("00000000-0000-0000-0000-0000000000f2");
    private static readonly Unit Station = Unit.CommuneStation("Công an phường Hoàn Kiếm", "01", "00070");

    private static RuleSignal Signal(RuleKind rule = RuleKind.OutsideArea, SignalKind kind = SignalKind.Raised, string key = "outside") =>
        new(rule, kind, key, Since, Since.AddMinutes(15),
            [new Evidence(Since, 21.03, 105.85, 12, "fix"), new Evidence(Since.AddMinutes(15), 21.04, 105.86, 9, "fix")],
            new Dictionary<string, string> { ["outsideDwell"] = "00:15:00" }, "outside every zone");

    private static Alert Raised(RuleKind rule = RuleKind.OutsideArea) => Alert.Raise(Person, "VG-0000001", Station, Signal(rule), Now);

    // ---- Raise ----

    [Fact]
    public void Raise_FromSignal_OpenWithEvidenceRoutedToTheStation()
    {
        var alert = Raised();

        Assert.Equal(AlertState.Open, alert.State);
        Assert.Equal((Person, "VG-0000001", Station.Id, "01", "00070"), (alert.PersonId, alert.DeviceId, alert.UnitId, alert.ProvinceCode, alert.CommuneCode));
        Assert.Equal((RuleKind.OutsideArea, 5, "outside", AlertSeverity.High), (alert.Rule, alert.ViolationNumber, alert.Key, alert.Severity));
        Assert.Equal((Since, Since.AddMinutes(15), Now), (alert.ConditionSince, alert.DetectedAt, alert.RaisedAt));
        Assert.Equal(2, alert.Evidence.Count);
        Assert.Equal("00:15:00", alert.Parameters["outsideDwell"]);
        Assert.Equal("outside every zone", alert.Detail);
        Assert.True(alert.IsOngoing);
        Assert.Null(alert.ConditionEndedAt);
    }

    [Fact]
    public void Raise_TimesWithAnOffset_StoredInUtc()
    {
        var local = Now.ToOffset(TimeSpan.FromHours(7));

        var alert = Alert.Raise(Person, null, Station, Signal(), local);

        Assert.Equal(TimeSpan.Zero, alert.RaisedAt.Offset);
        Assert.Equal(Now, alert.RaisedAt);
        Assert.Null(alert.DeviceId);
    }

    [Fact]
    public void Raise_EndedSignal_Refused() =>
        Assert.Throws<ArgumentException>(() => Alert.Raise(Person, null, Station, Signal(kind: SignalKind.Ended), Now));

    [Fact]
    public void Raise_ProvincialUnit_Refused() =>
        Assert.Throws<ArgumentException>(() => Alert.Raise(Person, null, Unit.Provincial("PC04 Hà Nội", "01"), Signal(), Now));

    [Theory]
    [InlineData(RuleKind.Tamper, AlertSeverity.Critical, 1)]
    [InlineData(RuleKind.SelfRemoval, AlertSeverity.Critical, 3)]
    [InlineData(RuleKind.NotWorn, AlertSeverity.High, 2)]
    [InlineData(RuleKind.BatteryDepleted, AlertSeverity.High, 4)]
    [InlineData(RuleKind.ArrivalNotReported, AlertSeverity.High, 7)]
    [InlineData(RuleKind.HotspotEntry, AlertSeverity.High, null)]
    [InlineData(RuleKind.Offline, AlertSeverity.Medium, null)]
    [InlineData(RuleKind.OverdueReattachment, AlertSeverity.Medium, null)]
    public void Raise_Rule_SeverityAndViolationNumber(RuleKind rule, AlertSeverity severity, int? violation)
    {
        var alert = Raised(rule);

        Assert.Equal((severity, violation), (alert.Severity, alert.ViolationNumber));
    }

    // ---- Condition end ----

    [Fact]
    public void EndCondition_Open_StampedAndStaysOpen()
    {
        var alert = Raised();

        Assert.True(alert.EndCondition(Now.AddMinutes(5), "back inside"));

        Assert.Equal(Now.AddMinutes(5), alert.ConditionEndedAt);
        Assert.Equal("back inside", alert.EndDetail);
        Assert.Equal(AlertState.Open, alert.State);
        Assert.False(alert.IsOngoing);
    }

    [Fact]
    public void EndCondition_Twice_FirstEndKept()
    {
        var alert = Raised();
        alert.EndCondition(Now.AddMinutes(5), "back inside");

        Assert.False(alert.EndCondition(Now.AddMinutes(9), "again"));

        Assert.Equal(Now.AddMinutes(5), alert.ConditionEndedAt);
    }

    // ---- Acknowledge ----

    [Fact]
    public void Acknowledge_Open_AcknowledgedByTheOfficer()
    {
        var alert = Raised();

        alert.Acknowledge(Officer, Now.AddMinutes(1));

        Assert.Equal((AlertState.Acknowledged, Officer, Now.AddMinutes(1)), (alert.State, alert.AcknowledgedBy, alert.AcknowledgedAt));
    }

    [Fact]
    public void Acknowledge_Twice_Conflict()
    {
        var alert = Raised();
        alert.Acknowledge(Officer, Now);

        var e = Assert.Throws<InvalidTransitionException>(() => alert.Acknowledge(OtherOfficer, Now.AddMinutes(1)));

        Assert.Equal(("state", "already-acknowledged"), (e.Field, e.Code));
        Assert.Equal(Officer, alert.AcknowledgedBy);
    }

    [Fact]
    public void Acknowledge_Resolved_Conflict()
    {
        var alert = Raised();
        alert.Resolve(Officer, Now, AlertOutcome.FalseAlarm, "GPS drift");

        var e = Assert.Throws<InvalidTransitionException>(() => alert.Acknowledge(Officer, Now));

        Assert.Equal(("state", "already-resolved"), (e.Field, e.Code));
    }

    // ---- Resolve ----

    [Theory]
    [InlineData(AlertOutcome.ConfirmedViolation)]
    [InlineData(AlertOutcome.Excused)]
    [InlineData(AlertOutcome.FalseAlarm)]
    [InlineData(AlertOutcome.DeviceFault)]
    public void Resolve_Acknowledged_ResolvedWithOutcomeAndNote(AlertOutcome outcome)
    {
        var alert = Raised();
        alert.Acknowledge(Officer, Now);

        alert.Resolve(OtherOfficer, Now.AddMinutes(30), outcome, "  checked on site  ");

        Assert.Equal((AlertState.Resolved, outcome, "checked on site"), (alert.State, alert.Outcome, alert.Resolution));
        Assert.Equal((OtherOfficer, Now.AddMinutes(30)), (alert.ResolvedBy, alert.ResolvedAt));
        Assert.Equal(Officer, alert.AcknowledgedBy);
        Assert.False(alert.IsOngoing);
    }

    [Fact]
    public void Resolve_Open_AcknowledgedAtTheSameTime()
    {
        var alert = Raised();

        alert.Resolve(Officer, Now.AddMinutes(3), AlertOutcome.Excused, "went to hospital");

        Assert.Equal((Officer, Now.AddMinutes(3)), (alert.AcknowledgedBy, alert.AcknowledgedAt));
        Assert.Equal(AlertState.Resolved, alert.State);
    }

    [Fact]
    public void Resolve_Twice_ConflictAndFirstOutcomeKept()
    {
        var alert = Raised();
        alert.Resolve(Officer, Now, AlertOutcome.FalseAlarm, "GPS drift");

        var e = Assert.Throws<InvalidTransitionException>(() => alert.Resolve(Officer, Now, AlertOutcome.ConfirmedViolation, "on second thought"));

        Assert.Equal(("state", "already-resolved"), (e.Field, e.Code));
        Assert.Equal(AlertOutcome.FalseAlarm, alert.Outcome);
    }

    [Fact]
    public void Resolve_ConfirmedViolationOfANonViolation_Refused()
    {
        var alert = Raised(RuleKind.HotspotEntry);

        var e = Assert.Throws<DomainException>(() => alert.Resolve(Officer, Now, AlertOutcome.ConfirmedViolation, "seen there"));

        Assert.Equal(("outcome", "not-a-violation"), (e.Field, e.Code));
        Assert.Equal(AlertState.Open, alert.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_WithoutNote_Refused(string note)
    {
        var e = Assert.Throws<DomainException>(() => Raised().Resolve(Officer, Now, AlertOutcome.Excused, note));

        Assert.Equal(("note", "required"), (e.Field, e.Code));
    }

    [Fact]
    public void Resolve_WarningWithoutConfirmedViolation_Refused()
    {
        var e = Assert.Throws<DomainException>(() => Raised().Resolve(Officer, Now, AlertOutcome.Excused, "ok", issueWarning: true));

        Assert.Equal(("issueWarning", "warning-needs-violation"), (e.Field, e.Code));
    }

    [Fact]
    public void Resolve_UndefinedOutcome_Refused()
    {
        var e = Assert.Throws<DomainException>(() => Raised().Resolve(Officer, Now, (AlertOutcome)42, "ok"));

        Assert.Equal(("outcome", "unknown-value"), (e.Field, e.Code));
    }

    [Fact]
    public void LinkRecords_ConfirmedViolation_RecordsNamed()
    {
        var alert = Raised();
        alert.Resolve(Officer, Now, AlertOutcome.ConfirmedViolation, "confirmed", issueWarning: true);
        var violation = Guid.CreateVersion7();
        var warning = Guid.CreateVersion7();

        alert.LinkRecords(violation, warning);

        Assert.Equal((violation, warning), (alert.ViolationRecordId, alert.WarningRecordId));
        Assert.Throws<InvalidTransitionException>(() => alert.LinkRecords(Guid.CreateVersion7(), null));
    }

    [Fact]
    public void LinkRecords_NotConfirmed_Refused()
    {
        var alert = Raised();
        alert.Resolve(Officer, Now, AlertOutcome.DeviceFault, "strap sensor broken");

        var e = Assert.Throws<InvalidTransitionException>(() => alert.LinkRecords(Guid.CreateVersion7(), null));

        Assert.Equal(("outcome", "not-confirmed"), (e.Field, e.Code));
    }

    // ---- Escalation ----

    [Fact]
    public void IsDueForEscalation_OpenAtTheLimit_Due()
    {
        var alert = Raised();
        var after = TimeSpan.FromMinutes(30);

        Assert.False(alert.IsDueForEscalation(Now.AddMinutes(30).AddTicks(-1), after));
        Assert.True(alert.IsDueForEscalation(Now.AddMinutes(30), after));
    }

    [Fact]
    public void IsDueForEscalation_AcknowledgedOrEscalated_NotDue()
    {
        var acknowledged = Raised();
        acknowledged.Acknowledge(Officer, Now);
        var escalated = Raised();
        escalated.Escalate(Now.AddMinutes(1), Officer);

        Assert.False(acknowledged.IsDueForEscalation(Now.AddHours(2), TimeSpan.FromMinutes(30)));
        Assert.False(escalated.IsDueForEscalation(Now.AddHours(2), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Escalate_Automatically_StampedWithoutOfficer()
    {
        var alert = Raised();

        alert.Escalate(Now.AddMinutes(30), by: null);

        Assert.Equal((Now.AddMinutes(30), (Guid?)null), (alert.EscalatedAt, alert.EscalatedBy));
        Assert.Equal(AlertState.Open, alert.State);
    }

    [Fact]
    public void Escalate_Twice_Conflict()
    {
        var alert = Raised();
        alert.Escalate(Now, Officer);

        var e = Assert.Throws<InvalidTransitionException>(() => alert.Escalate(Now.AddMinutes(1), Officer));

        Assert.Equal(("escalatedAt", "already-escalated"), (e.Field, e.Code));
    }

    [Fact]
    public void Escalate_Resolved_Conflict()
    {
        var alert = Raised();
        alert.Resolve(Officer, Now, AlertOutcome.Excused, "ok");

        var e = Assert.Throws<InvalidTransitionException>(() => alert.Escalate(Now, Officer));

        Assert.Equal(("state", "already-resolved"), (e.Field, e.Code));
    }

    // ---- Notes ----

    [Fact]
    public void AlertNote_Write_Trimmed()
    {
        var alert = Raised();

        var note = AlertNote.Write(alert.Id, Officer, Now, "  gọi điện cho gia đình  ");

        Assert.Equal((alert.Id, Officer, Now, "gọi điện cho gia đình"), (note.AlertId, note.AuthorUserId, note.At, note.Text));
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData(" ", "required")]
    public void AlertNote_Empty_Refused(string text, string code)
    {
        var e = Assert.Throws<DomainException>(() => AlertNote.Write(Guid.CreateVersion7(), Officer, Now, text));

        Assert.Equal(("text", code), (e.Field, e.Code));
    }

    [Fact]
    public void AlertNote_TooLong_Refused()
    {
        var e = Assert.Throws<DomainException>(() => AlertNote.Write(Guid.CreateVersion7(), Officer, Now, new string('x', AlertNote.MaxLength + 1)));

        Assert.Equal(("text", "too-long"), (e.Field, e.Code));
    }
}
