using Vigil.Domain.Alerts;
using Vigil.Domain.Rules;

namespace Vigil.Server.Alerts;

/// <summary>An alert in the queue: what, whose, how severe, where it stands (no evidence; read the alert for that).</summary>
/// <param name="Version">Send it back as <c>If-Match: "version"</c> to acknowledge, resolve or escalate.</param>
public sealed record AlertSummaryDto(
    Guid Id, Guid PersonId, string? DeviceId, Guid UnitId, string ProvinceCode, string CommuneCode, RuleKind Rule, int? ViolationNumber,
    string Key, AlertSeverity Severity, AlertState State, DateTimeOffset ConditionSince, DateTimeOffset RaisedAt,
    DateTimeOffset? ConditionEndedAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? ResolvedAt, AlertOutcome? Outcome,
    DateTimeOffset? EscalatedAt, long Version)
{
    public static AlertSummaryDto From(Alert a) => new(a.Id, a.PersonId, a.DeviceId, a.UnitId, a.ProvinceCode, a.CommuneCode, a.Rule,
        a.ViolationNumber, a.Key, a.Severity, a.State, a.ConditionSince, a.RaisedAt, a.ConditionEndedAt, a.AcknowledgedAt, a.ResolvedAt,
        a.Outcome, a.EscalatedAt, a.Version);
}

/// <summary>One alert with the evidence and parameters that raised it, who acted on it, and its notes.</summary>
/// <param name="DetectedAt">Measurement time at which the rules decided; <c>RaisedAt</c> is when the server opened the alert.</param>
/// <param name="Resolution">What the officer found and did, given when resolving.</param>
/// <param name="ViolationRecordId">The formal violation record a confirmed violation created.</param>
/// <param name="EscalatedBy">The officer who escalated it; null when it escalated automatically.</param>
public sealed record AlertDto(
    Guid Id, Guid PersonId, string? DeviceId, Guid UnitId, string ProvinceCode, string CommuneCode, RuleKind Rule, int? ViolationNumber,
    string Key, AlertSeverity Severity, AlertState State, DateTimeOffset ConditionSince, DateTimeOffset DetectedAt, DateTimeOffset RaisedAt,
    DateTimeOffset? ConditionEndedAt, string? EndDetail, IReadOnlyList<Evidence> Evidence, IReadOnlyDictionary<string, string> Parameters,
    string? Detail, Guid? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, Guid? ResolvedBy, DateTimeOffset? ResolvedAt, AlertOutcome? Outcome,
    string? Resolution, Guid? ViolationRecordId, Guid? WarningRecordId, DateTimeOffset? EscalatedAt, Guid? EscalatedBy,
    IReadOnlyList<AlertNoteDto> Notes, long Version)
{
    public static AlertDto From(Alert a, IReadOnlyList<AlertNote> notes) => new(a.Id, a.PersonId, a.DeviceId, a.UnitId, a.ProvinceCode,
        a.CommuneCode, a.Rule, a.ViolationNumber, a.Key, a.Severity, a.State, a.ConditionSince, a.DetectedAt, a.RaisedAt, a.ConditionEndedAt,
        a.EndDetail, a.Evidence, a.Parameters, a.Detail, a.AcknowledgedBy, a.AcknowledgedAt, a.ResolvedBy, a.ResolvedAt, a.Outcome,
        a.Resolution, a.ViolationRecordId, a.WarningRecordId, a.EscalatedAt, a.EscalatedBy, [.. notes.Select(AlertNoteDto.From)], a.Version);
}

public sealed record AlertNoteDto(Guid Id, Guid AuthorUserId, DateTimeOffset At, string Text)
{
    public static AlertNoteDto From(AlertNote n) => new(n.Id, n.AuthorUserId, n.At, n.Text);
}

/// <summary>Alerts of the caller's jurisdiction per state; <c>Escalated</c> counts the unresolved ones sent to the province.</summary>
public sealed record AlertCounts(int Open, int Acknowledged, int Resolved, int Escalated);

/// <summary>Acknowledge or escalate, optionally with a note (added to the alert's notes).</summary>
public sealed record AlertActionRequest(string? Note);

/// <summary>How the alert ends: the outcome, what was found and done, and whether a warning is issued (confirmed violations only).</summary>
public sealed record ResolveAlertRequest(AlertOutcome? Outcome, string? Note, bool IssueWarning = false);

public sealed record AlertNoteRequest(string? Text);
