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
    BatteryLow,
}

/// <summary>A message to the wearer before a rule is broken (e.g. "charge now: 10 %").</summary>
public sealed record WearerNudge(NudgeKind Kind, DateTimeOffset At, int? BatteryPercent);

/// <summary>Everything one evaluation produced.</summary>
public sealed class RuleResult
{
    public List<RuleSignal> Signals { get; } = [];

    public List<WearerNudge> Nudges { get; } = [];
}
