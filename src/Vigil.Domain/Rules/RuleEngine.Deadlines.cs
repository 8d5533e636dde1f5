using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Rules;

/// <summary>Deadlines that run on time alone: battery, arrival report, reattachment, malfunction report.</summary>
public sealed partial class RuleEngine
{
    /// <summary>A self-diagnosed fault starts the wearer's 24 hours to report the malfunction.</summary>
    private static void RecordFaults(DeviceTwin twin, DeviceMessage message)
    {
        foreach (var fault in message.Events.Where(e => e.Kind == DeviceEventKind.Fault && !(e.Detail?.StartsWith("integrity", StringComparison.OrdinalIgnoreCase) ?? false)))
        {
            twin.FaultAt ??= message.MeasuredAt;
            twin.FaultCode ??= fault.Detail;
        }
    }

    private void EvaluateDeadlines(DeviceTwin twin, RuleResult result, CaseSnapshot @case, DateTimeOffset now)
    {
        EvaluateWearTimers(twin, result, @case, now);
        EvaluateBatteryDeadline(twin, result, @case, now);
        CloseNightIfOver(twin, result, @case, now);

        if (@case.DepartureAwaitingArrival is { } departed)
        {
            var arrivalDue = @case.DeadlineAfter(departed, options.ArrivalReportDeadline);
            NudgeOnce(twin, result, $"arrival:{departed:O}", NudgeKind.ArrivalReportDue, now, arrivalDue);
            if (arrivalDue is { } soon && now >= soon - options.ReminderBefore)
            {
                NudgeOnce(twin, result, $"arrival-reminder:{departed:O}", NudgeKind.ArrivalReportDue, now, arrivalDue);
            }

            if (arrivalDue is { } due && now >= due)
            {
                Raise(twin, result, RuleKind.ArrivalNotReported, "arrival-report", departed, now,
                    [new Evidence(departed, null, null, null, "departure recorded at the old commune")],
                    Parameters(("deadlineHours", options.ArrivalReportDeadline.TotalHours)));
            }
        }
        else
        {
            End(twin, result, "arrival-report", now, "arrival recorded");
        }

        if (@case.ReattachmentDueBy is { } reattachBy && now >= reattachBy - options.ReminderBefore && @case.MonitoredAt(now))
        {
            NudgeOnce(twin, result, $"reattachment:{reattachBy:O}", NudgeKind.ReattachmentDue, now, reattachBy);
        }

        if (@case.ReattachmentDueBy is { } dueBy && now >= dueBy && @case.MonitoredAt(now))
        {
            Raise(twin, result, RuleKind.OverdueReattachment, "reattachment", dueBy, now,
                [new Evidence(dueBy, null, null, null, "temporary removal expected to end")], Parameters());
        }
        else if (@case.ReattachmentDueBy is null)
        {
            End(twin, result, "reattachment", now, "reattached");
        }

        if (twin.FaultAt is { } fault)
        {
            if (!@case.MalfunctionReports.Any(r => r >= fault.AddHours(-1)))
            {
                NudgeOnce(twin, result, $"malfunction:{fault:O}", NudgeKind.MalfunctionReportDue, now,
                    @case.DeadlineAfter(fault, options.MalfunctionReportDeadline));
            }

            if (@case.MalfunctionReports.Any(r => r >= fault.AddHours(-1)))
            {
                twin.FaultAt = null;
                End(twin, result, "malfunction-report", now, "malfunction reported");
            }
            else if (@case.DeadlineAfter(fault, options.MalfunctionReportDeadline) is { } due && now >= due)
            {
                Raise(twin, result, RuleKind.OverdueMalfunctionReport, "malfunction-report", fault, now,
                    [new Evidence(fault, null, null, null, $"device reported fault {twin.FaultCode}")],
                    Parameters(("deadlineHours", options.MalfunctionReportDeadline.TotalHours), ("fault", twin.FaultCode ?? "")));
            }
        }
    }

    /// <summary>Nudges the wearer about one deadline once (the twin remembers which), while monitoring is in force.</summary>
    private static void NudgeOnce(DeviceTwin twin, RuleResult result, string what, NudgeKind kind, DateTimeOffset now, DateTimeOffset? dueBy)
    {
        if (dueBy is not null && (twin.Nudged ??= []).Add(what))
        {
            result.Nudges.Add(new WearerNudge(kind, now, null, dueBy));
        }
    }
}
