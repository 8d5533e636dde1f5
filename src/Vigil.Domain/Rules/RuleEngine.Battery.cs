using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Rules;

/// <summary>Violation 4 and the nudges before it: the wearer hears at 20, 10 and 5 %.</summary>
public sealed partial class RuleEngine
{
    private void EvaluateBattery(DeviceTwin twin, RuleResult result, DeviceMessage message)
    {
        var t = message.MeasuredAt;
        var charging = message.Battery?.Charging == true;
        var poweredOffForBattery = message.Events.Any(e => e.Kind == DeviceEventKind.PowerOffLowBattery);

        if (twin.BatteryDepletedAt is { } depleted && t > depleted && !poweredOffForBattery
            && (charging || message.Battery?.Percent > 0 || message.Events.Any(e => e.Kind == DeviceEventKind.PowerOn)))
        {
            // Back on charge or online: the 24-hour clock stops.
            twin.BatteryDepletedAt = null;
            End(twin, result, "battery-depleted", t, charging ? "charging" : "back online");
        }

        if (charging)
        {
            twin.LastNudgeLevel = null;
            return;
        }

        if (message.Battery?.Percent is { } percent)
        {
            var crossed = int.MaxValue;
            for (var i = 0; i < options.BatteryNudges.Count; i++)
            {
                crossed = percent <= options.BatteryNudges[i] ? Math.Min(crossed, options.BatteryNudges[i]) : crossed;
            }

            if (crossed != int.MaxValue && (twin.LastNudgeLevel is null || crossed < twin.LastNudgeLevel))
            {
                twin.LastNudgeLevel = crossed;
                result.Nudges.Add(new WearerNudge(NudgeKind.BatteryLow, t, percent));
            }
        }

        if (message.Battery?.Percent == 0 || poweredOffForBattery)
        {
            twin.BatteryDepletedAt ??= t;
        }
    }

    private void EvaluateBatteryDeadline(DeviceTwin twin, RuleResult result, CaseSnapshot @case, DateTimeOffset now)
    {
        if (twin.BatteryDepletedAt is { } depleted && @case.DeadlineAfter(depleted, options.BatteryGrace) is { } due && now >= due)
        {
            Raise(twin, result, RuleKind.BatteryDepleted, "battery-depleted", depleted, now,
                [new Evidence(depleted, twin.LastFix?.Lat, twin.LastFix?.Lon, twin.LastFix?.AccuracyMeters, "battery ran out")],
                Parameters(("graceHours", options.BatteryGrace.TotalHours)));
        }
    }
}
