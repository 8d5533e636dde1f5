using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain.Compliance;
using Vigil.Domain.Time;
using Vigil.Server.Api;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Intelligence;
using Vigil.Server.Security;

namespace Vigil.Server.Compliance;

/// <summary>
/// The compliance score of one person (officers of the jurisdiction, and the wearer themself) and of a unit (case
/// readers, within their jurisdiction). Both read the stored days: no request rescans history. Every read is audited.
/// </summary>
internal static class ComplianceEndpoints
{
    public static void MapComplianceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/persons/{id:guid}/compliance", PersonAsync).WithTags("Compliance");
        api.MapGet("/compliance", UnitAsync).WithTags("Compliance");
    }

    private static async Task<PersonComplianceDto> PersonAsync(Guid id, VigilDbContext db, Access access, AuditLog audit, TimeProvider clock,
        IOptions<ComplianceOptions> options, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException("id", "No such person in your jurisdiction.");
        access.EnsureCanRead(person);
        var window = ComplianceHistory.WindowDays(options.Value);
        var standing = await db.ComplianceStandings.AsNoTracking().SingleOrDefaultAsync(s => s.PersonId == id, ct);
        var through = standing?.Through ?? VietnamTime.LocalDate(clock.GetUtcNow());
        var first = through.AddDays(2 - (2 * window));
        var rows = await db.ComplianceDays.AsNoTracking().Where(d => d.PersonId == id && d.Date >= first && d.Date <= through).ToListAsync(ct);
        var days = rows.Select(r => r.ToDay()).ToList();
        var score = ComplianceHistory.ScoreOn(days, through, options.Value);
        audit.Record("compliance.read", "person", id, id, new { through });
        await audit.SaveAsync(ct);
        return new PersonComplianceDto(id, through, window, score?.Score, score?.Tier, score?.Parts ?? [],
            ComplianceHistory.Trend(days, through, window, options.Value), rows.Count == 0 ? null : rows.Max(r => r.MeasuredAt));
    }

    private static async Task<ComplianceSummary> UnitAsync(VigilDbContext db, Access access, AuditLog audit, string? provinceCode, string? communeCode,
        string? tier, int? page, int? pageSize, CancellationToken ct)
    {
        access.Require(Access.CaseReaders);
        var area = await StatisticsArea.ResolveAsync(db, access, provinceCode, communeCode, ct);
        var people = area.People(db.People.AsNoTracking());
        var scored = db.ComplianceStandings.AsNoTracking().Where(s => people.Any(p => p.Id == s.PersonId));
        var tiers = await scored.Where(s => s.Tier != null).GroupBy(s => s.Tier).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = Enum.GetValues<ComplianceTier>().ToDictionary(t => Camel(t), t => tiers.SingleOrDefault(c => c.Key == t)?.Count ?? 0);
        var unscored = await people.CountAsync(ct) - counts.Values.Sum();

        var listed = scored.Where(s => s.Score != null);
        if (Check.QueryEnum<ComplianceTier>(tier, "tier") is { } only)
        {
            listed = listed.Where(s => s.Tier == only);
        }

        var rows = listed.Join(people, s => s.PersonId, p => p.Id, (s, p) => new { s.PersonId, p.FullName, p.CommuneCode, s.Score, s.Tier, s.TierSince })
            .OrderBy(r => r.Score).ThenBy(r => r.FullName).ThenBy(r => r.PersonId);
        var result = await rows.ToPageAsync(page, pageSize, r => new ComplianceListItem(r.PersonId, r.FullName, r.CommuneCode, r.Score, r.Tier, r.TierSince), ct);
        audit.Record("compliance.list", "person", null, details: new { area, tier, result.Page, result.PageSize, ids = result.Items.Select(i => i.PersonId) });
        await audit.SaveAsync(ct);
        return new ComplianceSummary(area, counts, unscored, result);
    }

    private static string Camel(ComplianceTier tier) => tier.ToString().ToLowerInvariant();
}
