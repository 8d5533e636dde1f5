using System.Globalization;
using Vigil.Domain.Health;
using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Rules;

/// <summary>
/// Health: possible overdose (D4), raised at once, and the "possible drug use" flag from the person's own baseline
/// (D5), which is only ever for an officer to review. Both judge only readings taken on the wrist.
/// </summary>
public sealed partial class RuleEngine
{
    private const string OverdoseKey = "overdose";
    private const string DrugUseKey = "drug-use";

    private void EvaluateHealth(DeviceTwin twin, RuleResult result, DeviceMessage message, CaseSnapshot @case)
    {
        var t = message.MeasuredAt;
        var health = twin.Health;
        var skin = message.Wear?.SkinContact ?? twin.SkinContact;
        var strap = message.Wear?.Strap ?? twin.Strap;
        ExpireWatch(twin, result, t);
        if (@case.RemovalApprovedAt(t))
        {
            // Removed with approval: what ran is over as far as the band can tell.
            health.ResetClocks();
            EndWatch(twin, result, t, "temporary removal approved");
            End(twin, result, OverdoseKey, t, "temporary removal approved");
            End(twin, result, DrugUseKey, t, "temporary removal approved");
            return;
        }

        if (skin != true || strap is StrapState.Open or StrapState.Cut)
        {
            // Not the person's vitals. A loose strap loses contact for one reading now and then, so this neither ends an
            // episode nor restarts its clocks; a longer spell off the wrist breaks the runs by the reading gap, and an
            // open condition ends only on readings that show recovery.
            return;
        }

        if (message.Vitals is not { } vitals)
        {
            return;
        }

        if (health.LastVitalsAt is { } last && t - last > options.Health.MaxReadingGap)
        {
            // A silence is evidence of nothing: runs start again (an open condition stays open until readings show recovery).
            health.LowSpO2Since = health.SlowBreathingSince = health.NoBreathingSince = null;
            health.SlowBreathingReadings = 0;
            health.ArousedSince = null;
            health.Arousal = null;
        }

        health.LastVitalsAt = t;
        var position = message.Fix is { } fix ? new Evidence(t, fix.Lat, fix.Lon, fix.AccuracyMeters, "") : twin.LastFix;
        EvaluateOverdose(twin, result, message, vitals, position);
        EvaluateArousal(twin, result, message, vitals, position);
        EvaluateWatch(twin, result, message, vitals);
    }

    private void EvaluateOverdose(DeviceTwin twin, RuleResult result, DeviceMessage message, Vitals vitals, Evidence? position)
    {
        var t = message.MeasuredAt;
        var health = twin.Health;
        var o = options.Health;
        var still = message.Motion is { Activity: { } activity } motion && activity <= o.StillActivity && (motion.Steps ?? 0) == 0;
        var met = new List<string>();
        var since = new List<DateTimeOffset>();

        if (vitals.SpO2Percent is { } spo2)
        {
            health.LowSpO2Since = spo2 <= o.OverdoseSpO2Percent ? health.LowSpO2Since ?? t : null;
            if (health.LowSpO2Since is { } low && t - low >= o.OverdoseSpO2Dwell)
            {
                met.Add(Invariant($"SpO2 ≤ {o.OverdoseSpO2Percent} % for {(t - low).TotalMinutes:0.#} min"));
                since.Add(low + o.OverdoseSpO2Dwell);
            }
        }

        if (vitals.RespirationRatePerMin is { } rr)
        {
            if (rr <= o.OverdoseRespirationPerMin)
            {
                health.SlowBreathingSince ??= t;
                health.SlowBreathingReadings++;
                // One reading can be an artefact; a second one, or a still wrist with low SpO2 or a slow heart, confirms it.
                var corroborated = still && (vitals.SpO2Percent <= o.CorroboratingSpO2Percent || vitals.HeartRateBpm <= o.CorroboratingHeartRateBpm);
                if (health.SlowBreathingReadings >= 2 || corroborated)
                {
                    met.Add(Invariant($"respiration ≤ {o.OverdoseRespirationPerMin}/min ({health.SlowBreathingReadings} reading(s){(corroborated ? ", corroborated" : "")})"));
                    since.Add(health.SlowBreathingSince.Value);
                }
            }
            else
            {
                health.SlowBreathingSince = null;
                health.SlowBreathingReadings = 0;
            }

            health.NoBreathingSince = rr <= o.NoBreathingPerMin && still ? health.NoBreathingSince ?? t : null;
        }
        else if (!still)
        {
            health.NoBreathingSince = null; // motion restarts the no-breathing clock
        }

        if (health.NoBreathingSince is { } apnoea && t - apnoea >= o.NoBreathingDwell)
        {
            met.Add(Invariant($"no breathing and no motion for {(t - apnoea).TotalSeconds:0} s"));
            since.Add(apnoea + o.NoBreathingDwell);
        }

        var running = health.LowSpO2Since is not null || health.SlowBreathingSince is not null || health.NoBreathingSince is not null;
        if (running || twin.IsOpen(OverdoseKey))
        {
            AddEvidence(health.OverdoseEvidence ??= [], new Evidence(t, position?.Lat, position?.Lon, position?.AccuracyMeters, Reading(vitals, message.Motion)));
        }

        if (met.Count > 0)
        {
            health.RecoveredReadings = 0;
            var detail = "possible overdose: " + string.Join("; ", met);
            Raise(twin, result, RuleKind.PossibleOverdose, OverdoseKey, since.Min(), t, health.OverdoseEvidence ?? [],
                Parameters(("criteria", string.Join("; ", met)), ("spo2Percent", o.OverdoseSpO2Percent), ("spo2Minutes", o.OverdoseSpO2Dwell.TotalMinutes),
                    ("respirationPerMin", o.OverdoseRespirationPerMin), ("noBreathingSeconds", o.NoBreathingDwell.TotalSeconds),
                    ("lastFixAt", position?.At.ToString("O", CultureInfo.InvariantCulture) ?? "unknown")),
                detail);
        }
        else if (!running)
        {
            // Recovery needs two readings in a row with every criterion clear, as onset needs more than one.
            if (twin.IsOpen(OverdoseKey) && ++health.RecoveredReadings >= 2)
            {
                End(twin, result, OverdoseKey, t, "breathing and SpO2 back above the thresholds");
            }

            if (!twin.IsOpen(OverdoseKey))
            {
                health.RecoveredReadings = 0;
                health.OverdoseEvidence = null;
            }
        }
    }

    private void EvaluateArousal(DeviceTwin twin, RuleResult result, DeviceMessage message, Vitals vitals, Evidence? position)
    {
        var t = message.MeasuredAt;
        var health = twin.Health;
        var o = options.Health;
        var resting = message.Motion is { Activity: { } activity } motion && activity <= o.RestActivity && (motion.Steps ?? 0) == 0;
        if (!resting)
        {
            return; // exercise raises heart rate and sweat: only resting readings are compared with the resting baseline
        }

        var score = health.Baseline.ReadyAt(t, o.BaselineReadyReadings) ? ArousalScore.Of(health.Baseline, t, vitals) : null;
        Learn(health.Baseline, t, vitals);
        if (score is null)
        {
            return;
        }

        health.Arousal = health.Arousal is { } previous ? previous + (o.ArousalSmoothing * (score.Score - previous)) : score.Score;
        health.ArousalAt = t;
        if (health.Arousal >= o.ArousalFlagScore)
        {
            health.ArousedSince ??= t;
            AddEvidence(health.ArousalEvidence ??= [], new Evidence(t, position?.Lat, position?.Lon, position?.AccuracyMeters, Deviations(health.Baseline, t, vitals, score)));
            if (t - health.ArousedSince >= o.ArousalFlagDwell)
            {
                var signals = string.Join(", ", Raising(score));
                Raise(twin, result, RuleKind.PossibleDrugUse, DrugUseKey, health.ArousedSince.Value, t, health.ArousalEvidence ?? [],
                    Parameters(("signals", signals), ("score", Math.Round(health.Arousal.Value, 2)), ("flagScore", o.ArousalFlagScore),
                        ("dwellMinutes", o.ArousalFlagDwell.TotalMinutes),
                        ("note", "A flag for an officer to review with the person, never a violation or a sanction by itself.")),
                    $"possible drug use (for review, not a violation): {signals} far from the person's usual resting level");
            }
        }
        else if (!twin.IsOpen(DrugUseKey) || health.Arousal < o.ArousalEndScore)
        {
            health.ArousedSince = null;
            health.ArousalEvidence = null;
            End(twin, result, DrugUseKey, t, "vitals back near the person's usual resting level");
        }
    }

    /// <summary>
    /// Every resting reading teaches the baseline; each moves it by at most three spreads, and by a 1/n (later
    /// 1/memory) share of that, so an hour of unusual readings shifts it little.
    /// </summary>
    private void Learn(PersonalBaseline baseline, DateTimeOffset t, Vitals vitals)
    {
        var memory = options.Health.BaselineMemoryReadings;
        if (vitals.HeartRateBpm is { } hr)
        {
            baseline.Add(t, VitalSign.HeartRate, hr, memory);
        }

        if (vitals.HrvRmssdMs is { } hrv)
        {
            baseline.Add(t, VitalSign.HeartRateVariability, hrv, memory);
        }

        if (ArousalScore.LogEda(vitals.EdaMicrosiemens) is { } eda)
        {
            baseline.Add(t, VitalSign.LogEda, eda, memory);
        }

        if (vitals.SkinTemperatureC is { } temp)
        {
            baseline.Add(t, VitalSign.SkinTemperature, temp, memory);
        }
    }

    /// <summary>The signals pushing the score up: at least two spreads in the direction of arousal.</summary>
    private static IEnumerable<string> Raising(ArousalScore score)
    {
        if (score.HeartRateZ >= 2)
        {
            yield return "heart rate up";
        }

        if (score.HrvZ <= -2)
        {
            yield return "HRV down";
        }

        if (score.EdaZ >= 2)
        {
            yield return "skin conductance up";
        }

        if (score.TemperatureZ <= -2)
        {
            yield return "skin temperature down";
        }
    }

    private static string Reading(Vitals v, MotionReading? motion) => Invariant(
        $"SpO2 {Show(v.SpO2Percent)} %, respiration {Show(v.RespirationRatePerMin)}/min, heart rate {Show(v.HeartRateBpm)} bpm, activity {Show(motion?.Activity)}");

    private static string Deviations(PersonalBaseline baseline, DateTimeOffset t, Vitals v, ArousalScore score) =>
        Invariant($"score {score.Score:0.0}; heart rate {Show(v.HeartRateBpm)} bpm (usual {baseline.Of(t, VitalSign.HeartRate).Center:0}, z {Show(score.HeartRateZ)}); ")
        + Invariant($"HRV {Show(v.HrvRmssdMs)} ms (usual {baseline.Of(t, VitalSign.HeartRateVariability).Center:0}, z {Show(score.HrvZ)}); ")
        + Invariant($"EDA {Show(v.EdaMicrosiemens)} µS (usual {Math.Exp(baseline.Of(t, VitalSign.LogEda).Center):0.0#}, z {Show(score.EdaZ)}); ")
        + Invariant($"skin {Show(v.SkinTemperatureC)} °C (usual {baseline.Of(t, VitalSign.SkinTemperature).Center:0.0}, z {Show(score.TemperatureZ)})");

    private static string Show(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
