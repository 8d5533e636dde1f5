namespace Vigil.Simulator.Quality;

/// <summary>How one rule did against the ground truth (D1): recall, precision, delay, and the must-not-alert cases kept.</summary>
public sealed record RuleScore(
    string Rule,
    int Labelled,
    int Detected,
    int Alerts,
    int FalseAlerts,
    int DuplicateAlerts,
    double? Recall,
    double? Precision,
    double? DelayMedianSeconds,
    double? DelayP95Seconds,
    double? DelayMaxSeconds,
    double? WithinBudget,
    int QuietLabels,
    int QuietBroken,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> FalseExamples);
