using Vigil.Domain.Health;
using Vigil.Domain.Time;

namespace Vigil.Domain.Rules;

/// <summary>What the health rules remember between messages: the overdose clocks, the baseline and the arousal score.</summary>
public sealed class HealthTwin
{
    // The instants as UTC ticks (see UtcTicks), as in DeviceTwin.
    private long _lowSpO2Since;
    private long _slowBreathingSince;
    private long _noBreathingSince;
    private long _lastVitalsAt;
    private long _arousalAt;
    private long _arousedSince;
    private long _watchUntil;

    // NaN for none rather than a double? field (16 bytes): a smoothed score is always finite.
    private double _arousal = double.NaN;

    /// <summary>The first reading of the current run of SpO2 at or below the overdose level.</summary>
    public DateTimeOffset? LowSpO2Since { get => UtcTicks.ToInstant(_lowSpO2Since); set => _lowSpO2Since = UtcTicks.Of(value); }

    /// <summary>The first reading of the current run of slow breathing, and how many readings it has.</summary>
    public DateTimeOffset? SlowBreathingSince { get => UtcTicks.ToInstant(_slowBreathingSince); set => _slowBreathingSince = UtcTicks.Of(value); }

    public int SlowBreathingReadings { get; set; }

    /// <summary>The first reading of the current spell of no breathing and no motion.</summary>
    public DateTimeOffset? NoBreathingSince { get => UtcTicks.ToInstant(_noBreathingSince); set => _noBreathingSince = UtcTicks.Of(value); }

    /// <summary>The last reading that carried vitals: a longer silence breaks every run.</summary>
    public DateTimeOffset? LastVitalsAt { get => UtcTicks.ToInstant(_lastVitalsAt); set => _lastVitalsAt = UtcTicks.Of(value); }

    /// <summary>Readings in a row with no overdose criterion, while an overdose condition is open (two end it).</summary>
    public int RecoveredReadings { get; set; }

    /// <summary>The readings of the episode, for the alert's evidence (trimmed as the other rules' evidence is).</summary>
    public List<Evidence>? OverdoseEvidence { get; set; }

    /// <summary>The end of the vitals watch in force (measurement time), or null when the band reports on its usual interval.</summary>
    public DateTimeOffset? WatchUntil { get => UtcTicks.ToInstant(_watchUntil); set => _watchUntil = UtcTicks.Of(value); }

    /// <summary>Readings in a row clear of the watch thresholds during a watch.</summary>
    public int WatchClearReadings { get; set; }

    /// <summary>A watch ran out while the vitals stayed abnormal: no new one until a reading is clear (a chronically low SpO2 asks once).</summary>
    public bool WatchSpent { get; set; }

    public PersonalBaseline Baseline { get; set; } = new();

    /// <summary>The smoothed arousal score of the last resting reading (null before the baseline is ready), and when.</summary>
    public double? Arousal { get => double.IsNaN(_arousal) ? null : _arousal; set => _arousal = value ?? double.NaN; }

    public DateTimeOffset? ArousalAt { get => UtcTicks.ToInstant(_arousalAt); set => _arousalAt = UtcTicks.Of(value); }

    /// <summary>Since when the smoothed score has stayed at or above the flag level.</summary>
    public DateTimeOffset? ArousedSince { get => UtcTicks.ToInstant(_arousedSince); set => _arousedSince = UtcTicks.Of(value); }

    public List<Evidence>? ArousalEvidence { get; set; }

    /// <summary>Forgets the overdose clocks (the band came off, or monitoring stopped); the baseline stays.</summary>
    public void ResetClocks()
    {
        LowSpO2Since = null;
        SlowBreathingSince = null;
        SlowBreathingReadings = 0;
        NoBreathingSince = null;
        RecoveredReadings = 0;
        OverdoseEvidence = null;
        ArousedSince = null;
        ArousalEvidence = null;
    }
}
