using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain.Alerts;
using Vigil.Domain.Compliance;
using Vigil.Domain.Records;
using Vigil.Domain.Rules;
using Vigil.Domain.Time;
using Vigil.Server.Data;

namespace Vigil.Server.Compliance;

/// <summary>A person whose tier changed in a pass, and the device on them now (if any).</summary>
public sealed record TierChange(Guid PersonId, ComplianceTier? From, ComplianceTier? To, int? Score, string? DeviceId);

/// <summary>
/// Measures each monitored person's Vietnam days from the store — device-on-person time from the formal records, time
/// not worn and time outside from the alerts that stood (not excused, not false alarms, not device faults), low battery
/// and depletions from the telemetry, confirmed violations from the violation records with the severity of the alert
/// that raised them, reports on time or overdue — and keeps the rolling score. Only the last
/// <see cref="ComplianceJobOptions.SettleDays"/> days and days never measured are measured in a pass.
/// </summary>
public sealed class ComplianceBook(VigilDbContext db, IOptions<ComplianceOptions> options, IOptions<ComplianceJobOptions> job)
{
    private static readonly RuleKind[] NotWornRules = [RuleKind.NotWorn, RuleKind.SelfRemoval];
    private static readonly RuleKind[] OverdueRules = [RuleKind.ArrivalNotReported, RuleKind.OverdueMalfunctionReport, RuleKind.OverdueReattachment];
    private static readonly RecordKind[] ReportKinds = [RecordKind.ResidenceArrival, RecordKind.MalfunctionReport, RecordKind.Reattachment];
    private static readonly RuleKind[] Measured = [.. NotWornRules, .. OverdueRules, RuleKind.OutsideArea];
    private static readonly AlertOutcome[] Dismissed = [AlertOutcome.Excused, AlertOutcome.FalseAlarm, AlertOutcome.DeviceFault];

    /// <summary>One pass at <paramref name="now"/>: measures the open days, recomputes every score, returns the tier changes.</summary>
    public async Task<IReadOnlyList<TierChange>> RefreshAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var today = VietnamTime.LocalDate(now);
        // The trend shows a score per day for a window before it: twice the window of days is kept.
        var keep = 2 * ComplianceHistory.WindowDays(options.Value);
        var first = today.AddDays(1 - keep);
        var records = await db.Records.AsNoTracking().ToListAsync(ct);
        var spans = records.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => DeviceAssignment.Of(g.Key, g));
        var firstStart = VietnamTime.StartOfDay(first);
        var people = spans.Where(s => s.Value.Any(a => a.Window.Until is null || a.Window.Until > firstStart)).Select(s => s.Key).ToList();
        var settleFrom = today.AddDays(1 - Math.Max(1, job.Value.SettleDays));
        // Only the days measured again are tracked; the final ones are read for the score.
        var open = await db.ComplianceDays.Where(d => d.Date >= settleFrom).ToListAsync(ct);
        var final = await db.ComplianceDays.AsNoTracking().Where(d => d.Date >= first && d.Date < settleFrom).ToListAsync(ct);
        var byPersonDay = open.Concat(final).ToDictionary(d => (d.PersonId, d.Date));

        var devices = await db.Devices.AsNoTracking().Select(d => new { d.Id, d.DeviceId }).ToDictionaryAsync(d => d.Id, d => d.DeviceId, ct);
        for (var date = first; date <= today; date = date.AddDays(1))
        {
            var due = people.Where(p => date >= settleFrom || !byPersonDay.ContainsKey((p, date))).ToList();
            if (due.Count > 0)
            {
                await MeasureDayAsync(date, due, spans, records, devices, byPersonDay, now, ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return await ScoreAsync(people, byPersonDay, today, spans, devices, now, ct);
    }

    private async Task MeasureDayAsync(DateOnly date, List<Guid> people, Dictionary<Guid, IReadOnlyList<DeviceAssignment>> spans,
        List<FormalRecord> records, Dictionary<Guid, string> devices, Dictionary<(Guid, DateOnly), ComplianceDayRow> rows, DateTimeOffset now,
        CancellationToken ct)
    {
        var start = VietnamTime.StartOfDay(date);
        var end = Min(VietnamTime.StartOfDay(date.AddDays(1)), now);
        if (end <= start)
        {
            return;
        }

        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => people.Contains(a.PersonId) && Measured.Contains(a.Rule) && a.ConditionSince < end
                && (a.ConditionEndedAt == null || a.ConditionEndedAt > start || a.RaisedAt >= start))
            .Select(a => new { a.PersonId, a.Rule, a.ConditionSince, a.ConditionEndedAt, a.RaisedAt, a.Outcome })
            .ToListAsync(ct);
        var standing = alerts.Where(a => a.Outcome is null || !Dismissed.Contains(a.Outcome.Value)).ToList();
        var deviceIds = people.SelectMany(p => spans[p]).Select(s => devices.GetValueOrDefault(s.DeviceId)).OfType<string>().Distinct().ToList();
        var low = await db.Telemetry.AsNoTracking()
            .Where(t => deviceIds.Contains(t.DeviceId) && t.MeasuredAt >= start && t.MeasuredAt < end && t.BatteryPercent <= 10)
            .Select(t => new { t.DeviceId, t.MeasuredAt, t.BatteryPercent, Depleted = t.Message.Contains("poweroff:lowbat") })
            .ToListAsync(ct);
        var violationRecords = records.Where(r => r.Kind == RecordKind.Violation && r.RecordedAt >= start && r.RecordedAt < end && people.Contains(r.PersonId))
            .ToList();
        var violationIds = violationRecords.Select(r => (Guid?)r.Id).ToList();
        var severities = await db.Alerts.AsNoTracking().Where(a => violationIds.Contains(a.ViolationRecordId))
            .Select(a => new { a.ViolationRecordId, a.Severity }).ToDictionaryAsync(a => a.ViolationRecordId!.Value, a => a.Severity, ct);

        foreach (var person in people)
        {
            var on = spans[person].Select(s => (s.Window.From, To: s.Window.Until ?? end)).ToList();
            var monitored = ComplianceHistory.Covered(on, start, end);
            var mine = standing.Where(a => a.PersonId == person).ToList();
            TimeSpan During(RuleKind[] rules) => ComplianceHistory.Covered(
                mine.Where(a => rules.Contains(a.Rule)).Select(a => (a.ConditionSince, a.ConditionEndedAt ?? end)), start, end);
            var notWorn = During(NotWornRules);
            var outside = During([RuleKind.OutsideArea]);

            var lowFixes = low.Where(t => spans[person].Any(s => devices.GetValueOrDefault(s.DeviceId) == t.DeviceId && s.Window.Contains(t.MeasuredAt))).ToList();
            var depletions = lowFixes.Count(t => t.Depleted);
            if (depletions == 0 && lowFixes.Any(t => t.BatteryPercent == 0))
            {
                depletions = 1;
            }

            var violations = violationRecords.Where(r => r.PersonId == person).Select(r => severities.GetValueOrDefault(r.Id, AlertSeverity.Medium)).ToList();
            var overdue = mine.Count(a => OverdueRules.Contains(a.Rule) && a.RaisedAt >= start && a.RaisedAt < end);
            var reports = records.Where(r => r.PersonId == person && ReportKinds.Contains(r.Kind) && r.RecordedAt >= start && r.RecordedAt < end).ToList();
            // A report made after its deadline's alert was raised is late: the alert already counted the missed deadline.
            var onTime = reports.Count(r => !standing.Any(a => a.PersonId == person && a.Rule == OverdueRuleOf(r.Kind)
                && a.RaisedAt <= r.RecordedAt && a.RaisedAt > r.RecordedAt.AddDays(-30)));

            var day = new ComplianceDay(date, monitored, monitored - Min(notWorn, monitored), lowFixes.Count > 0, depletions, Min(outside, monitored),
                violations.Count(s => s == AlertSeverity.Critical), violations.Count(s => s == AlertSeverity.High),
                violations.Count(s => s is not (AlertSeverity.Critical or AlertSeverity.High)), onTime + overdue, onTime);
            if (!rows.TryGetValue((person, date), out var row))
            {
                row = new ComplianceDayRow { PersonId = person, Date = date };
                db.ComplianceDays.Add(row);
                rows[(person, date)] = row;
            }

            row.Set(day, now);
        }
    }

    private async Task<IReadOnlyList<TierChange>> ScoreAsync(List<Guid> people, Dictionary<(Guid, DateOnly), ComplianceDayRow> rows, DateOnly today,
        Dictionary<Guid, IReadOnlyList<DeviceAssignment>> spans, Dictionary<Guid, string> devices, DateTimeOffset now, CancellationToken ct)
    {
        var standings = await db.ComplianceStandings.Where(s => people.Contains(s.PersonId)).ToDictionaryAsync(s => s.PersonId, ct);
        var days = rows.Values.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.Select(r => r.ToDay()).ToList());
        var changes = new List<TierChange>();
        foreach (var person in people)
        {
            var score = ComplianceHistory.ScoreOn(days.GetValueOrDefault(person) ?? [], today, options.Value);
            if (!standings.TryGetValue(person, out var standing))
            {
                standing = new ComplianceStanding { PersonId = person };
                db.ComplianceStandings.Add(standing);
            }

            if (standing.Tier != score?.Tier)
            {
                var current = spans[person].FirstOrDefault(s => s.Window.Until is null);
                changes.Add(new TierChange(person, standing.Tier, score?.Tier, score?.Score, current is null ? null : devices.GetValueOrDefault(current.DeviceId)));
                standing.TierSince = now;
            }

            (standing.Through, standing.Score, standing.Tier, standing.ComputedAt) = (today, score?.Score, score?.Tier, now);
        }

        await db.SaveChangesAsync(ct);
        return changes;
    }

    private static RuleKind OverdueRuleOf(RecordKind kind) => kind switch
    {
        RecordKind.ResidenceArrival => RuleKind.ArrivalNotReported,
        RecordKind.MalfunctionReport => RuleKind.OverdueMalfunctionReport,
        _ => RuleKind.OverdueReattachment,
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
