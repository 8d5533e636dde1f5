using System.Globalization;
using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Rules;

/// <summary>
/// The rules: given a device's twin, a message (or the passing of time) and the case as the registry has it,
/// update the twin and say which conditions began or ended. Pure: no clock, no I/O — the caller passes the
/// time and persists the twin. Judged on measurement time, so buffered data is judged as it happened.
/// </summary>
public sealed partial class RuleEngine(RuleOptions options, HotspotIndex hotspots)
{
    public RuleOptions Options => options;

    /// <summary>
    /// Evaluates one message. Messages of one device must come in measurement-time order; an older one is late.
    /// <paramref name="into"/> collects the results of several messages in one (none is allocated for each).
    /// </summary>
    public RuleResult OnMessage(DeviceTwin twin, DeviceMessage message, CaseSnapshot @case, DateTimeOffset receivedAt, RuleResult? into = null)
    {
        var result = into ?? new RuleResult();
        var t = message.MeasuredAt;
        twin.LastReceivedAt = twin.LastReceivedAt is { } last && last > receivedAt ? last : receivedAt;
        End(twin, result, "offline", t, "data received again");

        // Times are whole seconds on the wire: two messages of one second are ordered by seq (an event sent right after a report).
        var late = twin.LastMeasuredAt is { } newest && (t < newest || (t == newest && twin.LastSeq is { } seq && message.Seq < seq));
        if (late)
        {
            // A late message is stored but not replayed into the dwell timers; an instantaneous tamper signal still counts.
            if (@case.MonitoredAt(t))
            {
                CheckTamperSignals(twin, result, message, late: true);
            }

            return result;
        }

        twin.LastMeasuredAt = t;
        twin.LastSeq = message.Seq;
        if (!@case.MonitoredAt(t))
        {
            Record(twin, message);
            ResetTimers(twin);
            EndAll(twin, result, t, "monitoring not in force");
            EndWatch(twin, result, t, "monitoring not in force");
            return result;
        }

        CheckTamperSignals(twin, result, message, late: false);
        EvaluateWear(twin, result, message, @case);
        EvaluateBattery(twin, result, message);
        RecordFaults(twin, message);
        if (message.Fix is { } fix && fix.AccuracyMeters is var acc && (acc ?? 0) <= options.MaxUsableAccuracyMeters)
        {
            var evidence = new Evidence(t, fix.Lat, fix.Lon, fix.AccuracyMeters, "fix");
            EvaluateZones(twin, result, evidence, @case);
            EvaluateHotspots(twin, result, evidence);
            EvaluateNight(twin, result, evidence, @case);
            twin.LastFix = evidence;
        }

        EvaluateShielding(twin, result, message, receivedAt);
        EvaluateHealth(twin, result, message, @case);
        Record(twin, message);
        EvaluateDeadlines(twin, result, @case, t);
        return result;
    }

    /// <summary>Evaluates the passing of time (server time): deadlines and silences, with no new data.</summary>
    public RuleResult OnTick(DeviceTwin twin, CaseSnapshot @case, DateTimeOffset now)
    {
        var result = new RuleResult();
        if (twin.LastReceivedAt is { } received && @case.DeadlineAfter(received, options.OfflineAfter) is { } offlineAt && now >= offlineAt)
        {
            Raise(twin, result, RuleKind.Offline, "offline", received, now,
                [new Evidence(received, twin.LastFix?.Lat, twin.LastFix?.Lon, twin.LastFix?.AccuracyMeters, "last data received")],
                Parameters(("offlineAfterMinutes", options.OfflineAfter.TotalMinutes)));
        }

        EvaluateDeadlines(twin, result, @case, now);
        ExpireWatch(twin, result, now);
        return result;
    }

    /// <summary>The earliest instant at which <see cref="OnTick"/> could raise something if no data arrives.</summary>
    public DateTimeOffset? NextDeadline(DeviceTwin twin, CaseSnapshot @case)
    {
        // Called after every delivery: the earliest of the candidates, folded without a list.
        DateTimeOffset? next = null;
        Consider(twin.LastReceivedAt is { } r && !twin.IsOpen("offline") ? @case.DeadlineAfter(r, options.OfflineAfter) : null);
        Consider(twin.BatteryDepletedAt is { } d ? @case.DeadlineAfter(d, options.BatteryGrace) : null);
        Consider(twin.StrapOpenSince is { } s ? s + options.StrapOpenConfirm : null);
        Consider(twin.OffBodySince is { } o ? o + options.NotWornDwell : null);
        Consider(@case.DepartureAwaitingArrival is { } dep ? @case.DeadlineAfter(dep, options.ArrivalReportDeadline) : null);
        Consider(@case.DepartureAwaitingArrival is { } d2 && twin.Nudged?.Contains($"arrival-reminder:{d2:O}") != true
            ? @case.DeadlineAfter(d2, options.ArrivalReportDeadline) - options.ReminderBefore : null);
        Consider(@case.ReattachmentDueBy);
        Consider(@case.ReattachmentDueBy is { } r2 && twin.Nudged?.Contains($"reattachment:{r2:O}") != true ? r2 - options.ReminderBefore : null);
        Consider(twin.FaultAt is { } f ? @case.DeadlineAfter(f, options.MalfunctionReportDeadline) : null);
        Consider(twin.Night is { } n ? NightCloses(n) : null);
        Consider(twin.Health.WatchUntil);
        return next;

        void Consider(DateTimeOffset? candidate)
        {
            if (candidate is { } c && (next is not { } earliest || c < earliest))
            {
                next = c;
            }
        }
    }

    private static void Record(DeviceTwin twin, DeviceMessage message)
    {
        if (message.Wear is { } wear)
        {
            twin.Strap = wear.Strap ?? twin.Strap;
            twin.SkinContact = wear.SkinContact ?? twin.SkinContact;
            twin.Case = wear.Case ?? twin.Case;
        }

        if (message.Battery is { } battery)
        {
            twin.BatteryPercent = battery.Percent;
            twin.Charging = battery.Charging ?? twin.Charging;
        }
    }

    private static void ResetTimers(DeviceTwin twin)
    {
        twin.OffBodySince = null;
        twin.StrapOpenSince = null;
        twin.NoFixMovingSince = null;
        twin.OutsideSince = null;
        twin.OutsideFixes = 0;
        twin.OutsideEvidence = null;
        twin.HotspotCandidate = null;
        twin.HotspotFixes = 0;
        twin.HotspotEvidence = null;
        twin.HotspotExitFixes = 0;
        twin.BatteryDepletedAt = null;
        twin.Night = null;
        twin.NightsAwayInRow = 0;
        twin.NightEvidence = null;
        twin.Health.ResetClocks();
    }

    private void Raise(DeviceTwin twin, RuleResult result, RuleKind rule, string key, DateTimeOffset since, DateTimeOffset at,
        IReadOnlyList<Evidence> evidence, IReadOnlyDictionary<string, string> parameters, string? detail = null)
    {
        if (twin.IsOpen(key))
        {
            return;
        }

        (twin.Open ??= [])[key] = new OpenCondition(rule, since, at);
        result.Signals.Add(new RuleSignal(rule, SignalKind.Raised, key, since, at, Trim(evidence), parameters, detail));
    }

    private static void End(DeviceTwin twin, RuleResult result, string key, DateTimeOffset at, string detail)
    {
        if (twin.Open is { } conditions && conditions.Remove(key, out var open))
        {
            if (conditions.Count == 0)
            {
                twin.Open = null;
            }

            result.Signals.Add(new RuleSignal(open.Rule, SignalKind.Ended, key, open.Since, at, [], new Dictionary<string, string>(), detail));
        }
    }

    private static void EndAll(DeviceTwin twin, RuleResult result, DateTimeOffset at, string detail)
    {
        foreach (var key in twin.Open?.Keys.ToList() ?? [])
        {
            End(twin, result, key, at, detail);
        }
    }

    /// <summary>Keeps the first readings (how it began) and the latest (how it stands).</summary>
    private List<Evidence> Trim(IReadOnlyList<Evidence> evidence)
    {
        if (evidence.Count <= options.MaxEvidence)
        {
            return [.. evidence];
        }

        var head = options.MaxEvidence / 2;
        return [.. evidence.Take(head), .. evidence.Skip(evidence.Count - (options.MaxEvidence - head))];
    }

    private void AddEvidence(List<Evidence> list, Evidence evidence)
    {
        list.Add(evidence);
        if (list.Count > options.MaxEvidence * 4)
        {
            list.RemoveRange(options.MaxEvidence / 2, list.Count - options.MaxEvidence);
        }
    }

    private static Dictionary<string, string> Parameters(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "");
}
