using System.Globalization;
using System.Text;

namespace Vigil.Simulator.Quality;

/// <summary>D4 (possible overdose) and D5 (the arousal score behind the "possible drug use" flag) of one quality run.</summary>
/// <param name="OverdoseDelayMaxSeconds">From the moment the criterion was met (the label's due time) to the alert, on measurement time.</param>
/// <param name="OverdoseDecidedP95Seconds">The same to when the server had the deciding message (includes buffering in coverage holes).</param>
/// <param name="AucTuning">AUC on the people the parameters were chosen on (even person numbers).</param>
/// <param name="AucHeldOut">AUC on the others (odd person numbers), never looked at while choosing.</param>
public sealed record HealthQuality(
    int OverdoseLabelled,
    int OverdoseDetected,
    double? OverdoseRecall,
    double? OverdoseDelayP50Seconds,
    double? OverdoseDelayP95Seconds,
    double? OverdoseDelayMaxSeconds,
    double? OverdoseWithinBudget,
    double? OverdoseDecidedP95Seconds,
    double? OverdoseDecidedWithinBudget,
    int OverdoseFalseAlerts,
    double OverdoseFalsePer1000PersonDays,
    int StressWindows,
    int NormalWindows,
    double? Auc,
    double? AucTuning,
    double? AucHeldOut,
    int StressEpisodesJudgeable,
    int StressEpisodesFlagged,
    int FalseFlags,
    double FalseFlagsPer1000PersonDays)
{
    /// <summary>D4: recall ≥ 99 %, every alert ≤ 60 s after the criterion, ≤ 1 false alarm per 1,000 person-days.</summary>
    public IEnumerable<string> Failures(double minRecall = 0.99, double maxFalsePer1000 = 1)
    {
        if (OverdoseRecall is { } r && r < minRecall)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"PossibleOverdose: recall {r:P1} is below {minRecall:P1}");
        }

        if (OverdoseWithinBudget is { } b && b < 1)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"PossibleOverdose: {1 - b:P1} of alerts came later than 60 s after the criterion was met");
        }

        if (OverdoseFalsePer1000PersonDays > maxFalsePer1000)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"PossibleOverdose: {OverdoseFalsePer1000PersonDays:0.00} false alarms per 1,000 person-days is above {maxFalsePer1000}");
        }
    }

    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"D4 possible overdose: {OverdoseDetected}/{OverdoseLabelled} detected ({Pct(OverdoseRecall)}); delay after the criterion p50 {Sec(OverdoseDelayP50Seconds)}, p95 {Sec(OverdoseDelayP95Seconds)}, max {Sec(OverdoseDelayMaxSeconds)}; within 60 s {Pct(OverdoseWithinBudget)}; "
            + $"by server arrival p95 {Sec(OverdoseDecidedP95Seconds)}, within 60 s {Pct(OverdoseDecidedWithinBudget)}; false alarms {OverdoseFalseAlerts} ({OverdoseFalsePer1000PersonDays:0.00} per 1,000 person-days)");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"D5 arousal score: AUC {Num(Auc)} ({StressWindows} stress windows vs {NormalWindows} normal windows); tuning half {Num(AucTuning)}, held-out half {Num(AucHeldOut)}; "
            + $"'possible drug use' flags on {StressEpisodesFlagged}/{StressEpisodesJudgeable} stress episodes with a ready baseline, {FalseFlags} elsewhere ({FalseFlagsPer1000PersonDays:0.0} per 1,000 person-days)");
        return s.ToString();
    }

    private static string Pct(double? v) => v is { } x ? x.ToString("P1", CultureInfo.InvariantCulture) : "–";

    private static string Num(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string Sec(double? v) => v is { } x ? string.Create(CultureInfo.InvariantCulture, $"{x:0} s") : "–";
}
