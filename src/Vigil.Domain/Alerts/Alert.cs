using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Rules;

namespace Vigil.Domain.Alerts;

/// <summary>
/// One occurrence of a condition the rules raised (one per ongoing condition, never one per message), routed to
/// the commune station that managed the person when it was raised and visible up the hierarchy. It carries the
/// evidence and parameters that raised it, and goes open → acknowledged → resolved with an outcome. The end of
/// the condition is only stamped: the alert stays until an officer resolves it.
/// </summary>
public sealed class Alert
{
    public const int MaxTextLength = 2000;

    private Alert()
    {
    }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private set; }

    /// <summary>The device that reported it (its connection id, e.g. "VG-0000123"), when there is one.</summary>
    public string? DeviceId { get; private set; }

    /// <summary>The commune station the alert is routed to (the person's at raise time).</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The station's province and commune, kept so that jurisdiction filters need no join.</summary>
    public string ProvinceCode { get; private set; } = "";

    public string CommuneCode { get; private set; } = "";

    public RuleKind Rule { get; private set; }

    /// <summary>The violation number in the decree (1–7), or null for an alert that is not a violation by itself.</summary>
    public int? ViolationNumber { get; private set; }

    /// <summary>The condition key from the rules: the same key is the same ongoing condition.</summary>
    public string Key { get; private set; } = "";

    public AlertSeverity Severity { get; private set; }

    public AlertState State { get; private set; }

    /// <summary>When the condition began (measurement time).</summary>
    public DateTimeOffset ConditionSince { get; private set; }

    /// <summary>When the rules decided it (measurement time of the deciding message, or the deadline).</summary>
    public DateTimeOffset DetectedAt { get; private set; }

    /// <summary>When the alert was opened on the server; escalation counts from here.</summary>
    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>When the rules said the condition was over; the alert stays until resolved.</summary>
    public DateTimeOffset? ConditionEndedAt { get; private set; }

    public string? EndDetail { get; private set; }

    public IReadOnlyList<Evidence> Evidence { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Parameters { get; private set; } = new Dictionary<string, string>();

    public string? Detail { get; private set; }

    public Guid? AcknowledgedBy { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public Guid? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public AlertOutcome? Outcome { get; private set; }

    /// <summary>What the officer found and did.</summary>
    public string? Resolution { get; private set; }

    /// <summary>The violation record a confirmed violation created.</summary>
    public Guid? ViolationRecordId { get; private set; }

    /// <summary>The warning record issued with it, if one was.</summary>
    public Guid? WarningRecordId { get; private set; }

    /// <summary>When the alert was escalated to the province (automatically when unacknowledged too long, or by an officer).</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>The officer who escalated it; null when it escalated automatically.</summary>
    public Guid? EscalatedBy { get; private set; }

    public long Version { get; set; }

    /// <summary>Still counts as the alert of its condition: not resolved and the condition not over.</summary>
    public bool IsOngoing => State != AlertState.Resolved && ConditionEndedAt is null;

    /// <summary>Opens an alert for a raised signal, routed to the commune station <paramref name="station"/>.</summary>
    public static Alert Raise(Guid personId, string? deviceId, Unit station, RuleSignal signal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(signal);
        if (station.Level != UnitLevel.Commune || station.ProvinceCode is null || station.CommuneCode is null)
        {
            throw new ArgumentException($"An alert is routed to a commune station; unit {station.Id} is {station.Level}.", nameof(station));
        }

        if (signal.Kind != SignalKind.Raised)
        {
            throw new ArgumentException($"Only a raised signal opens an alert; got {signal.Kind} for '{signal.Key}'.", nameof(signal));
        }

        return new Alert
        {
            PersonId = personId,
            DeviceId = string.IsNullOrWhiteSpace(deviceId) ? null : deviceId,
            UnitId = station.Id,
            ProvinceCode = station.ProvinceCode,
            CommuneCode = station.CommuneCode,
            Rule = signal.Rule,
            ViolationNumber = signal.Rule.ViolationNumber(),
            Key = signal.Key,
            Severity = signal.Rule.SeverityOf(),
            State = AlertState.Open,
            ConditionSince = signal.ConditionSince.ToUniversalTime(),
            DetectedAt = signal.At.ToUniversalTime(),
            RaisedAt = now.ToUniversalTime(),
            Evidence = [.. signal.Evidence],
            Parameters = new Dictionary<string, string>(signal.Parameters),
            Detail = Clip(signal.Detail),
        };
    }

    /// <summary>Stamps the end of the condition; false when it was already stamped (an end applied twice).</summary>
    public bool EndCondition(DateTimeOffset at, string? detail)
    {
        if (ConditionEndedAt is not null)
        {
            return false;
        }

        ConditionEndedAt = at.ToUniversalTime();
        EndDetail = Clip(detail);
        return true;
    }

    /// <summary>An officer takes the alert.</summary>
    public void Acknowledge(Guid by, DateTimeOffset now)
    {
        if (State != AlertState.Open)
        {
            throw State == AlertState.Resolved
                ? AlreadyResolved()
                : new InvalidTransitionException("state", "already-acknowledged", $"The alert was already acknowledged at {AcknowledgedAt:u}.");
        }

        State = AlertState.Acknowledged;
        AcknowledgedBy = by;
        AcknowledgedAt = now.ToUniversalTime();
    }

    /// <summary>
    /// Closes the alert. An open alert may be resolved at once (it counts as acknowledged by the same officer at
    /// the same time). Only a violation of the decree can be confirmed as one, and only a confirmed violation
    /// earns a warning.
    /// </summary>
    public void Resolve(Guid by, DateTimeOffset now, AlertOutcome outcome, string note, bool issueWarning = false)
    {
        if (State == AlertState.Resolved)
        {
            throw AlreadyResolved();
        }

        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("outcome", "unknown-value", $"'{outcome}' is not a known outcome.");
        }

        if (outcome == AlertOutcome.ConfirmedViolation && ViolationNumber is null)
        {
            throw new DomainException("outcome", "not-a-violation",
                $"A {Rule} alert is not a violation by itself; resolve it as excused, false alarm or device fault.");
        }

        if (issueWarning && outcome != AlertOutcome.ConfirmedViolation)
        {
            throw new DomainException("issueWarning", "warning-needs-violation", "A warning is issued only for a confirmed violation.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("note", "required", "Say what was found and done.");
        }

        var at = now.ToUniversalTime();
        if (State == AlertState.Open)
        {
            AcknowledgedBy = by;
            AcknowledgedAt = at;
        }

        State = AlertState.Resolved;
        ResolvedBy = by;
        ResolvedAt = at;
        Outcome = outcome;
        Resolution = Clip(note.Trim());
    }

    /// <summary>Names the formal records a confirmed violation produced.</summary>
    public void LinkRecords(Guid violationRecordId, Guid? warningRecordId)
    {
        if (Outcome != AlertOutcome.ConfirmedViolation)
        {
            throw new InvalidTransitionException("outcome", "not-confirmed", "Only a confirmed violation has a violation record.");
        }

        if (ViolationRecordId is not null)
        {
            throw new InvalidTransitionException("violationRecordId", "already-recorded", "The violation is already recorded.");
        }

        ViolationRecordId = violationRecordId;
        WarningRecordId = warningRecordId;
    }

    /// <summary>Whether the alert has waited unacknowledged long enough to go to the province.</summary>
    public bool IsDueForEscalation(DateTimeOffset now, TimeSpan after) =>
        State == AlertState.Open && EscalatedAt is null && now - RaisedAt >= after;

    /// <summary>Sends the alert up to the province; <paramref name="by"/> is null when it escalates automatically.</summary>
    public void Escalate(DateTimeOffset now, Guid? by)
    {
        if (State == AlertState.Resolved)
        {
            throw AlreadyResolved();
        }

        if (EscalatedAt is { } escalated)
        {
            throw new InvalidTransitionException("escalatedAt", "already-escalated", $"The alert was already escalated at {escalated:u}.");
        }

        EscalatedAt = now.ToUniversalTime();
        EscalatedBy = by;
    }

    private InvalidTransitionException AlreadyResolved() =>
        new("state", "already-resolved", $"The alert was already resolved ({Outcome}) at {ResolvedAt:u}.");

    private static string? Clip(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}
