using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Rules;

/// <summary>
/// The vitals watch: a still band reports once a minute, so an overdose criterion met just after a reading would be seen
/// up to a minute later. When a resting reading is abnormal short of the criterion (SpO2 ≤ 90 %, respiration ≤ 8/min,
/// no breathing), the band is asked to report every few seconds for a bounded time; the watch ends when the readings
/// are clear again, when the time is up, or when monitoring stops — and the band is then told its usual interval.
/// </summary>
public sealed partial class RuleEngine
{
    private void EvaluateWatch(DeviceTwin twin, RuleResult result, DeviceMessage message, Vitals vitals)
    {
        var t = message.MeasuredAt;
        var health = twin.Health;
        var o = options.Health;
        // At rest only: a moving wrist's odd SpO2 is a motion artefact, and an overdose is motionless.
        var resting = message.Motion is { Activity: { } activity } motion && activity <= o.RestActivity && (motion.Steps ?? 0) == 0;
        var abnormal = resting && (vitals.SpO2Percent <= o.WatchSpO2Percent || vitals.RespirationRatePerMin <= o.WatchRespirationPerMin);
        var overdose = twin.IsOpen(OverdoseKey);
        if (health.WatchUntil is not null)
        {
            health.WatchClearReadings = abnormal || overdose ? 0 : health.WatchClearReadings + 1;
            if (health.WatchClearReadings >= o.WatchClearReadings)
            {
                EndWatch(twin, result, t, "vitals clear again");
                health.WatchSpent = false;
            }

            return;
        }

        if (!abnormal)
        {
            health.WatchSpent = false;
            return;
        }

        if (overdose || health.WatchSpent)
        {
            return; // the alert is already out, or this spell of abnormal readings had its watch
        }

        health.WatchUntil = t + o.WatchFor;
        health.WatchClearReadings = 0;
        var why = vitals.RespirationRatePerMin <= o.WatchRespirationPerMin ? "slow or no breathing at rest" : "low SpO2 at rest";
        result.Watches.Add(new VitalsWatch(true, t, o.WatchIntervalSeconds, health.WatchUntil.Value, why));
    }

    /// <summary>Ends a watch whose time is up at <paramref name="now"/> (measurement time of a message, or server time of a tick).</summary>
    private static void ExpireWatch(DeviceTwin twin, RuleResult result, DateTimeOffset now)
    {
        if (twin.Health.WatchUntil is { } until && now >= until)
        {
            EndWatch(twin, result, now, "the watch's time is up");
            twin.Health.WatchSpent = true;
        }
    }

    private static void EndWatch(DeviceTwin twin, RuleResult result, DateTimeOffset at, string reason)
    {
        if (twin.Health.WatchUntil is { } until)
        {
            twin.Health.WatchUntil = null;
            twin.Health.WatchClearReadings = 0;
            result.Watches.Add(new VitalsWatch(false, at, 0, until, reason));
        }
    }
}
