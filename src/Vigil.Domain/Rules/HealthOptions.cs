namespace Vigil.Domain.Rules;

/// <summary>
/// The health rules' parameters (configuration <c>Rules:Health:*</c>). The overdose criteria are PERFORMANCE.md's D4;
/// the baseline and arousal settings shape the "possible drug use" flag, which is only ever a flag for an officer.
/// </summary>
public sealed class HealthOptions
{
    /// <summary>Possible overdose: SpO2 at or below this (percent)…</summary>
    public double OverdoseSpO2Percent { get; set; } = 85;

    /// <summary>…on every reading for at least this long (so one low reading, a motion artefact, never fires).</summary>
    public TimeSpan OverdoseSpO2Dwell { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Possible overdose: respiration at or below this (breaths/min), on two readings in a row or one corroborated reading.</summary>
    public double OverdoseRespirationPerMin { get; set; } = 5;

    /// <summary>A single slow-breathing reading is corroborated by a still wrist and SpO2 at or below this (hypoxaemia)…</summary>
    public double CorroboratingSpO2Percent { get; set; } = 92;

    /// <summary>…or by a heart rate at or below this (bpm).</summary>
    public double CorroboratingHeartRateBpm { get; set; } = 50;

    /// <summary>Possible overdose: respiration at or below this counts as no breathing…</summary>
    public double NoBreathingPerMin { get; set; } = 1;

    /// <summary>…which, with no motion, fires after this long; any motion restarts the clock.</summary>
    public TimeSpan NoBreathingDwell { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wrist is still (no motion) at or below this activity level, with no steps.</summary>
    public double StillActivity { get; set; } = 0.05;

    /// <summary>Readings further apart than this break a run (a silence is not evidence either way).</summary>
    public TimeSpan MaxReadingGap { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Vitals watch: a resting reading with SpO2 at or below this (hypoxaemia, short of the overdose level) asks the band to
    /// report faster, so that the overdose criterion, if it follows, is seen within seconds rather than on the next minute's reading…
    /// </summary>
    public double WatchSpO2Percent { get; set; } = 90;

    /// <summary>…as does respiration at or below this (breaths/min: the usual threshold of opioid-induced respiratory depression; no breathing is below it too).</summary>
    public double WatchRespirationPerMin { get; set; } = 8;

    /// <summary>The reporting interval (seconds) asked of the band during a watch.</summary>
    public int WatchIntervalSeconds { get; set; } = 10;

    /// <summary>A watch ends at the latest after this long (the command carries the end, so the band returns to its interval by itself too)…</summary>
    public TimeSpan WatchFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>…or after this many readings in a row with vitals clear of the watch thresholds and no overdose condition open.</summary>
    public int WatchClearReadings { get; set; } = 3;

    /// <summary>Vitals count towards the baseline and the arousal score only at rest: activity at or below this, no steps.</summary>
    public double RestActivity { get; set; } = 0.2;

    /// <summary>A time-of-day bucket of the baseline is ready after this many resting readings (a day or two of wear).</summary>
    public int BaselineReadyReadings { get; set; } = 240;

    /// <summary>After it is ready the baseline keeps adapting, as a moving estimate over about this many readings (a week or two).</summary>
    public int BaselineMemoryReadings { get; set; } = 3000;

    /// <summary>How much each new score moves the smoothed arousal score (exponential smoothing, 0–1).</summary>
    public double ArousalSmoothing { get; set; } = 0.3;

    /// <summary>"Possible drug use" is flagged when the smoothed arousal score stays at or above this…</summary>
    public double ArousalFlagScore { get; set; } = 2.5;

    /// <summary>…for this long at rest.</summary>
    public TimeSpan ArousalFlagDwell { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The flag's condition ends when the smoothed score falls below this.</summary>
    public double ArousalEndScore { get; set; } = 1;
}
