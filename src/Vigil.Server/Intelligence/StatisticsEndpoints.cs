using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Decisions;
using Vigil.Domain.Devices;
using Vigil.Domain.Identity;
using Vigil.Domain.Records;
using Vigil.Domain.Statistics;
using Vigil.Domain.Time;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Intelligence;

/// <summary>
/// Statistics per commune, province and nation: aggregates only (no person is named), within the caller's
/// jurisdiction. Days are Vietnam calendar days.
/// </summary>
internal static class StatisticsEndpoints
{
    private const int MaxDays = 366;

    /// <summary>Who reads statistics: every officer who reads cases, and device logistics (the device stock is theirs).</summary>
    private static readonly Role[] Readers = [.. Access.CaseReaders, Role.DeviceLogistics];

    public static void MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        var statistics = api.MapGroup("/statistics").WithTags("Statistics");
        statistics.MapGet("/overview", OverviewAsync);
        statistics.MapGet("/trends", TrendsAsync);
    }

    private static async Task<StatisticsOverview> OverviewAsync(VigilDbContext db, Access access, TimeProvider clock, string? provinceCode,
        string? communeCode, CancellationToken ct)
    {
        access.Require(Readers);
        var area = await StatisticsArea.ResolveAsync(db, access, provinceCode, communeCode, ct);
        var now = clock.GetUtcNow();

        var people = area.People(db.People.AsNoTracking());
        var byGroup = await people.GroupBy(p => p.Group).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // Each person's latest decision, folded here: a status per person is small, and the grouping stays portable.
        var decisions = await db.Decisions.AsNoTracking().Where(d => people.Any(p => p.Id == d.PersonId))
            .Select(d => new { d.PersonId, d.CreatedAt, d.Status }).ToListAsync(ct);
        var latest = decisions.GroupBy(d => d.PersonId).Select(g => g.MaxBy(d => d.CreatedAt)!.Status).ToList();
        var byStatus = latest.CountBy(s => s).ToDictionary(c => c.Key, c => c.Value);

        var devices = area.Devices(db).AsNoTracking();
        var deviceStatus = await devices.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var dayAgo = now.AddDays(-1);
        var reported = await devices.CountAsync(d => db.DeviceTwins.Any(t => t.DeviceId == d.DeviceId && t.LastReceivedAt >= dayAgo), ct);
        var usable = deviceStatus.Where(s => s.Key != DeviceStatus.Retired).Sum(s => s.Value);
        var inUse = usable == 0 ? 0 : Math.Round(100.0 * deviceStatus.GetValueOrDefault(DeviceStatus.Assigned) / usable, 1);

        var alerts = area.Alerts(db.Alerts.AsNoTracking()).Where(a => a.State != AlertState.Resolved);
        var alertStates = await alerts.GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var escalated = await alerts.CountAsync(a => a.EscalatedAt != null, ct);

        return new StatisticsOverview(area, now,
            new PeopleStatistics(byGroup.Values.Sum(), Complete(byGroup), Complete(byStatus), byGroup.Values.Sum() - latest.Count,
                byStatus.GetValueOrDefault(DecisionStatus.Active)),
            new DeviceStatistics(deviceStatus.Values.Sum(), Complete(deviceStatus), inUse, reported),
            new AlertStatistics(alertStates.GetValueOrDefault(AlertState.Open), alertStates.GetValueOrDefault(AlertState.Acknowledged), escalated));
    }

    private static async Task<StatisticsTrends> TrendsAsync(VigilDbContext db, Access access, TimeProvider clock, string? provinceCode,
        string? communeCode, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        access.Require(Readers);
        var area = await StatisticsArea.ResolveAsync(db, access, provinceCode, communeCode, ct);
        var last = to ?? VietnamTime.LocalDate(clock.GetUtcNow());
        var first = from ?? last.AddDays(-29);
        if (last < first)
        {
            throw new DomainException("to", "before-from", "'to' must not be before 'from'.");
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            throw new DomainException("to", "range-too-long", $"At most {MaxDays} days at a time.");
        }

        var days = new DailyCounts(first, last);
        DateTimeOffset start = days.Start, end = days.End;
        var byRule = new Dictionary<string, int>(StringComparer.Ordinal);
        var raised = area.Alerts(db.Alerts.AsNoTracking()).Where(a => a.RaisedAt >= start && a.RaisedAt < end)
            .Select(a => new { a.RaisedAt, a.Severity, a.Rule }).AsAsyncEnumerable();
        await foreach (var alert in raised.WithCancellation(ct))
        {
            days.Add("alerts", alert.RaisedAt);
            days.Add(alert.Severity.ToString(), alert.RaisedAt);
            var rule = ApiNames.Of(alert.Rule);
            byRule[rule] = byRule.GetValueOrDefault(rule) + 1;
        }

        var people = area.People(db.People.AsNoTracking());
        var violations = db.Records.AsNoTracking()
            .Where(r => r.Kind == RecordKind.Violation && r.OccurredAt >= start && r.OccurredAt < end && people.Any(p => p.Id == r.PersonId))
            .Select(r => r.OccurredAt).AsAsyncEnumerable();
        await foreach (var at in violations.WithCancellation(ct))
        {
            days.Add("violations", at);
        }

        await foreach (var at in people.Where(p => p.CreatedAt >= start && p.CreatedAt < end).Select(p => p.CreatedAt).AsAsyncEnumerable().WithCancellation(ct))
        {
            days.Add("people", at);
        }

        return new StatisticsTrends(area, first, last,
            [
                .. days.Dates().Select(d => new DayStatistics(d, days.On("alerts", d), days.On(nameof(AlertSeverity.Critical), d),
                    days.On(nameof(AlertSeverity.High), d), days.On(nameof(AlertSeverity.Medium), d), days.On("violations", d), days.On("people", d))),
            ],
            byRule, days.Total("alerts"), days.Total("violations"), days.Total("people"));
    }

    /// <summary>
    /// Every value of the enum by its API name, with 0 for those not counted, so the console can draw a stable legend.
    /// </summary>
    private static Dictionary<string, int> Complete<T>(IReadOnlyDictionary<T, int> counts)
        where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(ApiNames.Of, v => counts.GetValueOrDefault(v), StringComparer.Ordinal);
}
