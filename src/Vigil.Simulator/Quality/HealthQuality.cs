using System.Globalization;
using System.Text;

namespace Vigil.Simulator.Quality;

/// <summary>D4 (possible overdose) and D5 (the arousal score behind the "possible drug use" flag) of one quality run.</summary>
/// <param name="OverdoseDelayMaxSeconds">From the moment the criterion was truly met (the label's due time) to when the server had the
/// message that raised the alert (the band's reporting interval, transport, and buffering in coverage holes).</param>
/// <param name="OverdoseDeviceClockP95Seconds">The same to the deciding reading's measurement time, on the band's own (skewed) clock.</param>
/// <param name="OverdoseBandOff">Episodes during which the band sent nothing at all (off on a flat battery).</param>
/// <param name="OverdoseRecall">Of the episodes the band was on for.</param>
/// <param name="WatchCommands">Report-interval commands sent for vitals watches (a start and an end each), and per person-day.</param>
/// <param name="AucTuning">AUC on the people the parameters were chosen on (even person numbers).</param>
/// <param name="AucHeldOut">AUC on the others (odd person numbers), never looked at while choosing.</param>
public sealed record HealthQuality(
    int OverdoseLabelled,
    int OverdoseDetected,
    int OverdoseBandOff,
    double? OverdoseRecall,
    double? OverdoseDelayP50Seconds,
    double? OverdoseDelayP95Seconds,
    double? OverdoseDelayMaxSeconds,
    double? OverdoseWithinBudget,
    double? OverdoseDeviceClockP95Seconds,
    double? OverdoseDeviceClockWithinBudget,
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
    double FalseFlagsPer1000PersonDays,
    int WatchCommands,
    double WatchCommandsPerPersonDay)
{
    /// <summary>
    /// D4: recall ≥ 99 %, alerts ≤ 60 s after the criterion (judged at the 95th percentile: with a band reporting every
    /// 60 s when still, the slowest cases are the interval plus a second of transport; the maximum is reported), and
    /// ≤ 1 false alarm per 1,000 person-days.
    /// </summary>
    public IEnumerable<string> Failures(double minRecall = 0.99, double maxFalsePer1000 = 1, double maxDelayP95Seconds = 60)
    {
        if (OverdoseRecall is { } r && r < minRecall)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"PossibleOverdose: recall {r:P1} is below {minRecall:P1}");
        }

        if (OverdoseDelayP95Seconds is { } p95 && p95 > maxDelayP95Seconds)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"PossibleOverdose: 95th percentile delay {p95:0} s after the criterion is above {maxDelayP95Seconds} s");
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
            $"D4 possible overdose: {OverdoseDetected}/{OverdoseLabelled} detected; {OverdoseBandOff} with the band switched off; recall of the rest {Pct(OverdoseRecall)}; delay from the criterion to the server p50 {Sec(OverdoseDelayP50Seconds)}, p95 {Sec(OverdoseDelayP95Seconds)}, max {Sec(OverdoseDelayMaxSeconds)}, within 60 s {Pct(OverdoseWithinBudget)}; "
            + $"on the band's clock p95 {Sec(OverdoseDeviceClockP95Seconds)}, within 60 s {Pct(OverdoseDeviceClockWithinBudget)}; false alarms {OverdoseFalseAlerts} ({OverdoseFalsePer1000PersonDays:0.00} per 1,000 person-days); "
            + $"vitals-watch commands {WatchCommands} ({WatchCommandsPerPersonDay:0.000} per person-day)");
        s.AppendLine(CultureInfo.InvariantCulture,
            $"D5 arousal score: AUC {Num(Auc)} ({StressWindows} stress windows vs {NormalWindows} normal windows); tuning half {Num(AucTuning)}, held-out half {Num(AucHeldOut)}; "
            + $"'possible drug use' flags on {StressEpisodesFlagged}/{StressEpisodesJudgeable} stress episodes with a ready baseline, {FalseFlags} elsewhere ({FalseFlagsPer1000PersonDays:0.0} per 1,000 person-days)");
        return s.ToString();
    }

    private static string Pct(double? v) => v is { } x ? x.ToString("P1", CultureInfo.InvariantCulture) : "–";

    private static string Num(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "–";

    private static string Sec(double? v) => v is { } x ? string.Create(CultureInfo.InvariantCulture, $"{x:0} s") : "–";
}
