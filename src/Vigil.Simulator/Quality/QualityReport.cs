using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Simulator.Quality;

/// <summary>The outcome of a quality run: per rule scores, false alerts per person-day (D2), the health rules (D4, D5), and what has no detector yet.</summary>
public sealed record QualityReport(
    string Source,
    int People,
    double Days,
    int Seed,
    long Messages,
    long Duplicates,
    long Rejected,
    IReadOnlyList<string> RejectionReasons,
    IReadOnlyList<RuleScore> Rules,
    int TotalAlerts,
    int FalseAlerts,
    double FalseAlertsPerPersonDay,
    double AlertsPerPersonDay,
    IReadOnlyDictionary<string, int> UnevaluatedLabels,
    HealthQuality Health)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The bars a run must clear; every failure is named.</summary>
    public IReadOnlyList<string> Failures(QualityBars bars)
    {
        var failures = new List<string>();
        foreach (var rule in Rules)
        {
            if (rule.Recall is { } r && r < bars.MinRecall)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{rule.Rule}: recall {r:P1} is below {bars.MinRecall:P1}"));
            }

            if (rule.Precision is { } p && p < bars.MinPrecision)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{rule.Rule}: precision {p:P1} is below {bars.MinPrecision:P1}"));
            }

            if (rule.QuietBroken > 0 && !bars.AllowQuietBroken)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{rule.Rule}: {rule.QuietBroken} of {rule.QuietLabels} must-not-alert cases raised an alert"));
            }
        }

        if (FalseAlertsPerPersonDay > bars.MaxFalseAlertsPerPersonDay)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"false alerts per person-day {FalseAlertsPerPersonDay:0.000} is above {bars.MaxFalseAlertsPerPersonDay:0.000}"));
        }

        failures.AddRange(Health.Failures());
        if (Rejected > 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Rejected} simulated messages were rejected by the parser"));
        }

        return failures;
    }

    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"{Source}: {People} people × {Days:0.#} days (seed {Seed}), {Messages:N0} messages ({Duplicates:N0} duplicates dropped, {Rejected} rejected)");
        s.AppendLine();
        s.AppendLine("| rule | labelled | detected | recall | alerts | false | dup | precision | delay p50 | delay p95 | delay max | in budget | must-not-alert kept |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Rules)
        {
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Rule} | {r.Labelled} | {r.Detected} | {Pct(r.Recall)} | {r.Alerts} | {r.FalseAlerts} | {r.DuplicateAlerts} | {Pct(r.Precision)} | {Dur(r.DelayMedianSeconds)} | {Dur(r.DelayP95Seconds)} | {Dur(r.DelayMaxSeconds)} | {Pct(r.WithinBudget)} | {(r.QuietLabels == 0 ? "–" : $"{r.QuietLabels - r.QuietBroken}/{r.QuietLabels}")} |");
        }

        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"All alerts: {TotalAlerts} ({AlertsPerPersonDay:0.000} per person-day); false alerts: {FalseAlerts} ({FalseAlertsPerPersonDay:0.000} per person-day, D2 goal ≤ 0.05)");
        if (UnevaluatedLabels.Count > 0)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"Labelled, not judged as alerts of one device: {string.Join(", ", UnevaluatedLabels.Select(u => $"{u.Key} {u.Value}"))}");
        }

        s.AppendLine();
        s.Append(Health.ToTable());

        return s.ToString();
    }

    private static string Pct(double? value) => value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "–";

    private static string Dur(double? seconds) => seconds switch
    {
        null => "–",
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
    };
}

/// <summary>What a quality run must reach to pass (exit code 0). Defaults are the D1 and D2 goals.</summary>
public sealed record QualityBars(double MinRecall = 0.99, double MinPrecision = 0.99, double MaxFalseAlertsPerPersonDay = 0.05, bool AllowQuietBroken = false);
