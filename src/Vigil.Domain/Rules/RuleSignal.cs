namespace Vigil.Domain.Rules;

public enum SignalKind
{
    /// <summary>A condition began: open an alert (one per condition key).</summary>
    Raised,

    /// <summary>The condition is over (the alert stays for the officer to resolve).</summary>
    Ended,
}

/// <summary>
/// What the rules decided: a condition raised or ended, with its evidence and the parameters that judged it.
/// <see cref="Key"/> identifies the ongoing condition, so that it never opens two alerts.
/// </summary>
public sealed record RuleSignal(
    RuleKind Rule,
    SignalKind Kind,
    string Key,
    DateTimeOffset ConditionSince,
    DateTimeOffset At,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyDictionary<string, string> Parameters,
    string? Detail);

public enum NudgeKind
{
    /// <summary>The battery crossed 20, 10 or 5 %.</summary>
    BatteryLow,

    /// <summary>Confirmed outside every zone that applies (two fixes): come back before the dwell runs out.</summary>
    LeftArea,

    /// <summary>The device reported a fault: report the malfunction by the due time.</summary>
    MalfunctionReportDue,

    /// <summary>The departure was recorded: report to the new commune by the due time (and a reminder before it).</summary>
    ArrivalReportDue,

    /// <summary>A temporary removal is about to end: have the device reattached by the due time.</summary>
    ReattachmentDue,
}

/// <summary>
/// A message to the wearer before a rule is broken (e.g. "charge now: 10 %", "report to the new commune: 5 h left").
/// <see cref="DueBy"/> is the instant the rule would be broken, when there is one.
/// </summary>
public sealed record WearerNudge(NudgeKind Kind, DateTimeOffset At, int? BatteryPercent, DateTimeOffset? DueBy = null);

/// <summary>Everything one evaluation produced.</summary>
public sealed class RuleResult
{
    public List<RuleSignal> Signals { get; } = [];

    public List<WearerNudge> Nudges { get; } = [];

    /// <summary>Vitals watches begun or ended: the band on the person is to be told its reporting interval (the last one counts).</summary>
    public List<VitalsWatch> Watches { get; } = [];
}
