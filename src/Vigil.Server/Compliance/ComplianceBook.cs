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
        var records = (await db.Records.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.PersonId);
        var spans = records.ToDictionary(g => g.Key, g => DeviceAssignment.Of(g.Key, g));
        var firstStart = VietnamTime.StartOfDay(first);
        var people = spans.Where(s => s.Value.Any(a => a.Window.Until is null || a.Window.Until > firstStart)).Select(s => s.Key).ToList();
        var devices = await db.Devices.AsNoTracking().Select(d => new { d.Id, d.DeviceId }).ToDictionaryAsync(d => d.Id, d => d.DeviceId, ct);
        var pass = new Pass(now, today, first, today.AddDays(1 - Math.Max(1, job.Value.SettleDays)), records, spans, devices);

        var changes = new List<TierChange>();
        // In batches, each read with one query per kind and tracked alone: the first pass on a store measures every kept
        // day of everyone (~60 rows each), which for a nation-wide fleet must not sit in one change tracker.
        foreach (var batch in people.Chunk(job.Value.PeoplePerBatch))
        {
            changes.AddRange(await RefreshAsync(pass, batch, ct));
            db.ChangeTracker.Clear();
        }

        return changes;
    }

    private async Task<IReadOnlyList<TierChange>> RefreshAsync(Pass pass, Guid[] people, CancellationToken ct)
    {
        // Only the days measured again are tracked; the final ones are read for the score.
        var open = await db.ComplianceDays.Where(d => d.Date >= pass.SettleFrom && people.Contains(d.PersonId)).ToListAsync(ct);
        var final = await db.ComplianceDays.AsNoTracking()
            .Where(d => d.Date >= pass.First && d.Date < pass.SettleFrom && people.Contains(d.PersonId)).ToListAsync(ct);
        var rows = open.Concat(final).ToDictionary(d => (d.PersonId, d.Date));

        var due = new List<(DateOnly Date, List<Guid> People)>();
        for (var date = pass.First; date <= pass.Today; date = date.AddDays(1))
        {
            var unmeasured = people.Where(p => date >= pass.SettleFrom || !rows.ContainsKey((p, date))).ToList();
            if (unmeasured.Count > 0)
            {
                due.Add((date, unmeasured));
            }
        }

        if (due.Count > 0)
        {
            var readings = await ReadingsAsync(pass, people, VietnamTime.StartOfDay(due[0].Date), ct);
            foreach (var (date, unmeasured) in due)
            {
                MeasureDay(pass, date, unmeasured, readings, rows);
            }
        }

        // The measured days are saved with the scores, in one round trip.
        return await ScoreAsync(pass, people, rows, ct);
    }

    /// <summary>What a batch's days are measured from, read once for all of its days from <paramref name="from"/> on.</summary>
    private async Task<Readings> ReadingsAsync(Pass pass, Guid[] people, DateTimeOffset from, CancellationToken ct)
    {
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => people.Contains(a.PersonId) && Measured.Contains(a.Rule) && a.ConditionSince < pass.Now
                && (a.ConditionEndedAt == null || a.ConditionEndedAt > from || a.RaisedAt >= from))
            .Select(a => new StandingAlert(a.PersonId, a.Rule, a.ConditionSince, a.ConditionEndedAt, a.RaisedAt, a.Outcome))
            .ToListAsync(ct);
        var deviceIds = people.SelectMany(p => pass.Spans[p]).Select(s => pass.Devices.GetValueOrDefault(s.DeviceId)).OfType<string>().Distinct().ToList();
        var low = await db.Telemetry.AsNoTracking()
            .Where(t => deviceIds.Contains(t.DeviceId) && t.MeasuredAt >= from && t.MeasuredAt < pass.Now && t.BatteryPercent <= 10)
            .Select(t => new LowBattery(t.DeviceId, t.MeasuredAt, t.BatteryPercent, t.Message.Contains("poweroff:lowbat")))
            .ToListAsync(ct);
        var violationIds = people.SelectMany(p => pass.Records[p]).Where(r => r.Kind == RecordKind.Violation && r.RecordedAt >= from)
            .Select(r => (Guid?)r.Id).ToList();
        var severities = await db.Alerts.AsNoTracking().Where(a => violationIds.Contains(a.ViolationRecordId))
            .Select(a => new { a.ViolationRecordId, a.Severity }).ToDictionaryAsync(a => a.ViolationRecordId!.Value, a => a.Severity, ct);
        return new Readings(alerts.Where(a => a.Outcome is null || !Dismissed.Contains(a.Outcome.Value)).ToLookup(a => a.PersonId),
            low.ToLookup(t => t.DeviceId), severities);
    }

    private void MeasureDay(Pass pass, DateOnly date, List<Guid> people, Readings readings, Dictionary<(Guid, DateOnly), ComplianceDayRow> rows)
    {
        var start = VietnamTime.StartOfDay(date);
        var end = Min(VietnamTime.StartOfDay(date.AddDays(1)), pass.Now);
        if (end <= start)
        {
            return;
        }

        foreach (var person in people)
        {
            var spans = pass.Spans[person];
            var on = spans.Select(s => (s.Window.From, To: s.Window.Until ?? end)).ToList();
            var monitored = ComplianceHistory.Covered(on, start, end);
            var mine = readings.Alerts[person].Where(a => a.ConditionSince < end && (a.ConditionEndedAt == null || a.ConditionEndedAt > start || a.RaisedAt >= start))
                .ToList();
            TimeSpan During(RuleKind[] rules) => ComplianceHistory.Covered(
                mine.Where(a => rules.Contains(a.Rule)).Select(a => (a.ConditionSince, a.ConditionEndedAt ?? end)), start, end);
            var notWorn = During(NotWornRules);
            var outside = During([RuleKind.OutsideArea]);

            var lowFixes = spans.Select(s => pass.Devices.GetValueOrDefault(s.DeviceId)).OfType<string>().Distinct().SelectMany(d => readings.LowBattery[d])
                .Where(t => t.MeasuredAt >= start && t.MeasuredAt < end
                    && spans.Any(s => pass.Devices.GetValueOrDefault(s.DeviceId) == t.DeviceId && s.Window.Contains(t.MeasuredAt)))
                .ToList();
            var depletions = lowFixes.Count(t => t.Depleted);
            if (depletions == 0 && lowFixes.Any(t => t.BatteryPercent == 0))
            {
                depletions = 1;
            }

            var records = pass.Records[person].Where(r => r.RecordedAt >= start && r.RecordedAt < end).ToList();
            var violations = records.Where(r => r.Kind == RecordKind.Violation).Select(r => readings.Severities.GetValueOrDefault(r.Id, AlertSeverity.Medium)).ToList();
            var overdue = mine.Count(a => OverdueRules.Contains(a.Rule) && a.RaisedAt >= start && a.RaisedAt < end);
            var reports = records.Where(r => ReportKinds.Contains(r.Kind)).ToList();
            // A report made after its deadline's alert was raised is late: the alert already counted the missed deadline.
            var onTime = reports.Count(r => !mine.Any(a => a.Rule == OverdueRuleOf(r.Kind) && a.RaisedAt <= r.RecordedAt && a.RaisedAt > r.RecordedAt.AddDays(-30)));

            var day = new ComplianceDay(date, monitored, monitored - Min(notWorn, monitored), lowFixes.Count > 0, depletions, Min(outside, monitored),
                violations.Count(s => s == AlertSeverity.Critical), violations.Count(s => s == AlertSeverity.High),
                violations.Count(s => s is not (AlertSeverity.Critical or AlertSeverity.High)), onTime + overdue, onTime);
            if (!rows.TryGetValue((person, date), out var row))
            {
                row = new ComplianceDayRow { PersonId = person, Date = date };
                db.ComplianceDays.Add(row);
                rows[(person, date)] = row;
            }

            row.Set(day, pass.Now);
        }
    }

    private async Task<IReadOnlyList<TierChange>> ScoreAsync(Pass pass, Guid[] people, Dictionary<(Guid, DateOnly), ComplianceDayRow> rows, CancellationToken ct)
    {
        var standings = await db.ComplianceStandings.Where(s => people.Contains(s.PersonId)).ToDictionaryAsync(s => s.PersonId, ct);
        var days = rows.Values.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.Select(r => r.ToDay()).ToList());
        var changes = new List<TierChange>();
        foreach (var person in people)
        {
            var score = ComplianceHistory.ScoreOn(days.GetValueOrDefault(person) ?? [], pass.Today, options.Value);
            if (!standings.TryGetValue(person, out var standing))
            {
                standing = new ComplianceStanding { PersonId = person };
                db.ComplianceStandings.Add(standing);
            }

            if (standing.Tier != score?.Tier)
            {
                var current = pass.Spans[person].FirstOrDefault(s => s.Window.Until is null);
                changes.Add(new TierChange(person, standing.Tier, score?.Tier, score?.Score, current is null ? null : pass.Devices.GetValueOrDefault(current.DeviceId)));
                standing.TierSince = pass.Now;
            }

            (standing.Through, standing.Score, standing.Tier, standing.ComputedAt) = (pass.Today, score?.Score, score?.Tier, pass.Now);
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

    /// <summary>What every batch of one pass shares: its instant and days, and the formal records, device spans and device ids of everyone.</summary>
    private sealed record Pass(DateTimeOffset Now, DateOnly Today, DateOnly First, DateOnly SettleFrom, ILookup<Guid, FormalRecord> Records,
        Dictionary<Guid, IReadOnlyList<DeviceAssignment>> Spans, Dictionary<Guid, string> Devices);

    /// <summary>A batch's alerts that stood, by person; its low-battery readings, by device; the severity behind each violation record.</summary>
    private sealed record Readings(ILookup<Guid, StandingAlert> Alerts, ILookup<string, LowBattery> LowBattery, Dictionary<Guid, AlertSeverity> Severities);

    private sealed record StandingAlert(Guid PersonId, RuleKind Rule, DateTimeOffset ConditionSince, DateTimeOffset? ConditionEndedAt, DateTimeOffset RaisedAt,
        AlertOutcome? Outcome);

    private sealed record LowBattery(string DeviceId, DateTimeOffset MeasuredAt, int? BatteryPercent, bool Depleted);
}
