using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain;
using Vigil.Domain.Decisions;
using Vigil.Domain.Identity;
using Vigil.Domain.Notifications;
using Vigil.Domain.People;
using Vigil.Domain.Time;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>Monitoring decisions: drafted by the commune, signed, suspended, resumed and ended by its chief.</summary>
internal static class DecisionEndpoints
{
    public static void MapDecisionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/persons/{id:guid}/decisions", ListAsync).WithTags("Decisions");
        api.MapPost("/persons/{id:guid}/decisions", DraftAsync).WithTags("Decisions");
        var decisions = api.MapGroup("/decisions").WithTags("Decisions");
        decisions.MapGet("/{id:guid}", GetAsync);
        decisions.MapPut("/{id:guid}", ReviseAsync);
        decisions.MapPost("/{id:guid}/sign", SignAsync);
        decisions.MapPost("/{id:guid}/activate", ActivateAsync);
        decisions.MapPost("/{id:guid}/suspend", SuspendAsync);
        decisions.MapPost("/{id:guid}/resume", ResumeAsync);
        decisions.MapPost("/{id:guid}/end", EndAsync);
    }

    private static async Task<IReadOnlyList<DecisionDto>> ListAsync(Guid id, VigilDbContext db, Access access, AuditLog audit, CancellationToken ct)
    {
        var person = await PersonEndpoints.FindAsync(db, id, ct);
        access.EnsureCanReadDecisions(person);
        var decisions = await db.Decisions.AsNoTracking().Include(d => d.Actions).Where(d => d.PersonId == id)
            .OrderByDescending(d => d.CreatedAt).ToListAsync(ct);
        audit.Record("decision.list", "person", person.Id, person.Id);
        await audit.SaveAsync(ct);
        return decisions.Select(DecisionDto.From).ToList();
    }

    private static async Task<IResult> DraftAsync(Guid id, DecisionRequest request, HttpContext http, VigilDbContext db, Access access,
        AuditLog audit, IOptions<DecisionOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var person = await PersonEndpoints.FindAsync(db, id, ct);
        access.EnsureCaseWorker(person);
        var now = clock.GetUtcNow();
        var officer = await CheckOfficerAsync(db, request.ManagingOfficerId ?? person.ManagingOfficerId, person.CommuneCode, ct);
        var year = VietnamTime.LocalDate(now).Year;
        var count = await db.Decisions.CountAsync(d => d.CommuneCode == person.CommuneCode, ct);
        var number = string.Create(CultureInfo.InvariantCulture, $"{count + 1:0000}/{year}/QĐ-{person.CommuneCode}");
        var decision = MonitoringDecision.Draft(person, number, request.DurationMonths, request.StartDate, officer, access.User.Id, now,
            options.Value, Check.Optional(request.Note, "note", 2000));
        db.Decisions.Add(decision);
        audit.Record("decision.draft", "decision", decision.Id, person.Id, new { decision.Number, decision.DurationMonths, decision.StartDate });
        await audit.SaveAsync(ct);
        http.SetETag(decision.Version);
        return TypedResults.Created($"/api/v1/decisions/{decision.Id}", DecisionDto.From(decision));
    }

    private static async Task<DecisionDto> GetAsync(Guid id, HttpContext http, VigilDbContext db, Access access, AuditLog audit, CancellationToken ct)
    {
        var (decision, person) = await FindAsync(db, id, ct);
        access.EnsureCanReadDecisions(person);
        audit.Record("decision.read", "decision", decision.Id, person.Id);
        await audit.SaveAsync(ct);
        http.SetETag(decision.Version);
        return DecisionDto.From(decision);
    }

    private static async Task<DecisionDto> ReviseAsync(Guid id, DecisionRequest request, HttpContext http, VigilDbContext db, Access access,
        AuditLog audit, IOptions<DecisionOptions> options, CancellationToken ct)
    {
        var (decision, person) = await FindAsync(db, id, ct);
        access.EnsureCaseWorker(person);
        http.RequireVersion(decision.Version);
        var officer = await CheckOfficerAsync(db, request.ManagingOfficerId ?? decision.ManagingOfficerId, person.CommuneCode, ct);
        decision.Revise(request.DurationMonths, request.StartDate, officer, Check.Optional(request.Note, "note", 2000), options.Value);
        return await SaveAsync(http, audit, "decision.revise", decision, person, ct);
    }

    private static async Task<DecisionDto> SignAsync(Guid id, HttpContext http, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var (decision, person) = await FindAsync(db, id, ct);
        access.EnsureChiefOf(person);
        IfMatch(http, decision);
        var now = clock.GetUtcNow();
        var other = await db.Decisions.AnyAsync(d => d.PersonId == person.Id && d.Id != decision.Id
            && (d.Status == DecisionStatus.Signed || d.Status == DecisionStatus.Active || d.Status == DecisionStatus.Suspended), ct);
        decision.Sign(access.User.Id, now, other);
        await NotifyAsync(db, audit, decision, person, now, ct);
        return await SaveAsync(http, audit, "decision.sign", decision, person, ct);
    }

    private static async Task<DecisionDto> ActivateAsync(Guid id, HttpContext http, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var (decision, person) = await FindAsync(db, id, ct);
        access.EnsureCaseWorker(person);
        IfMatch(http, decision);
        decision.Activate(access.User.Id, clock.GetUtcNow());
        return await SaveAsync(http, audit, "decision.activate", decision, person, ct);
    }

    private static async Task<DecisionDto> SuspendAsync(Guid id, SuspendRequest request, HttpContext http, VigilDbContext db, Access access,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (decision, person) = await FindAsync(db, id, ct);
        access.EnsureChiefOf(person);
        IfMatch(http, decision);
        var now = clock.GetUtcNow();
        decision.Suspend(access.User.Id, Check.Defined(request.Reason ?? throw Check.Missing("reason"), "reason"), request.EffectiveAt ?? now, now, Check.Optional(request.Note, "note", 2000));
        return await SaveAsync(http, audit, "decision.suspend", decision, person, ct, new { request.Reason });
    }

    private static async Task<DecisionDto> ResumeAsync(Guid id, StepRequest request, HttpContext http, VigilDbContext db, Access access,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (decision, person) = await FindAsync(db, id, ct);
        access.EnsureChiefOf(person);
        IfMatch(http, decision);
        var now = clock.GetUtcNow();
        decision.Resume(access.User.Id, request.EffectiveAt ?? now, now, Check.Optional(request.Note, "note", 2000));
        return await SaveAsync(http, audit, "decision.resume", decision, person, ct);
    }

    private static async Task<DecisionDto> EndAsync(Guid id, StepRequest request, HttpContext http, VigilDbContext db, Access access,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (decision, person) = await FindAsync(db, id, ct);
        access.EnsureChiefOf(person);
        IfMatch(http, decision);
        var now = clock.GetUtcNow();
        decision.End(access.User.Id, request.EffectiveAt ?? now, now, Check.Optional(request.Note, "note", 2000));
        return await SaveAsync(http, audit, "decision.end", decision, person, ct);
    }

    /// <summary>The decision is sent to the person and, for a minor, to the parents or guardian.</summary>
    private static async Task NotifyAsync(VigilDbContext db, AuditLog audit, MonitoringDecision decision, Person person, DateTimeOffset now,
        CancellationToken ct)
    {
        var recipients = await db.Users.Where(u => (u.Role == Role.Wearer && u.PersonId == person.Id)
            || (decision.GuardianRequired && u.Role == Role.Guardian && u.WardPersonId == person.Id)).Select(u => u.Id).ToListAsync(ct);
        foreach (var recipient in recipients)
        {
            db.Notifications.Add(new Notification
            {
                RecipientUserId = recipient,
                PersonId = person.Id,
                Kind = "decision-signed",
                TitleVi = $"Quyết định quản lý bằng thiết bị điện tử số {decision.Number}",
                TitleEn = $"Electronic monitoring decision no. {decision.Number}",
                BodyVi = $"Quyết định áp dụng cho {person.FullName} từ ngày {decision.StartDate:dd/MM/yyyy}, thời hạn {decision.DurationMonths} tháng.",
                BodyEn = $"The decision applies to {person.FullName} from {decision.StartDate:yyyy-MM-dd} for {decision.DurationMonths} months.",
                CreatedAt = now,
            });
        }

        if (decision.GuardianRequired)
        {
            audit.Record("guardian.notify", "decision", decision.Id, person.Id,
                new { guardians = person.Guardians.Select(g => g.Id), inApp = recipients.Count });
        }
    }

    private static async Task<DecisionDto> SaveAsync(HttpContext http, AuditLog audit, string action, MonitoringDecision decision, Person person,
        CancellationToken ct, object? details = null)
    {
        audit.Record(action, "decision", decision.Id, person.Id, details);
        await audit.SaveAsync(ct);
        http.SetETag(decision.Version);
        return DecisionDto.From(decision);
    }

    /// <summary>State changes are guarded by the lifecycle; an If-Match, when sent, is honoured too.</summary>
    private static void IfMatch(HttpContext http, MonitoringDecision decision)
    {
        if (http.Request.Headers.IfMatch.Count > 0)
        {
            http.RequireVersion(decision.Version);
        }
    }

    private static async Task<(MonitoringDecision, Person)> FindAsync(VigilDbContext db, Guid id, CancellationToken ct)
    {
        var decision = await db.Decisions.Include(d => d.Actions).SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException("id", "There is no such decision.");
        return (decision, await PersonEndpoints.FindAsync(db, decision.PersonId, ct));
    }

    private static async Task<Guid> CheckOfficerAsync(VigilDbContext db, Guid? officerId, string communeCode, CancellationToken ct) =>
        await PersonEndpoints.CheckOfficerAsync(db, officerId, communeCode, ct)
        ?? throw new DomainException("managingOfficerId", "not-an-officer-of-the-commune", "A decision names a managing officer of the person's commune.");
}

public sealed record DecisionRequest(int DurationMonths, DateOnly StartDate, Guid? ManagingOfficerId, string? Note);

public sealed record SuspendRequest(SuspensionReason? Reason, DateTimeOffset? EffectiveAt, string? Note);

public sealed record StepRequest(DateTimeOffset? EffectiveAt, string? Note);

public sealed record DecisionActionDto(DecisionActionKind Kind, DateTimeOffset EffectiveAt, DateTimeOffset RecordedAt, Guid SignedBy,
    SuspensionReason? SuspensionReason, string? Note);

public sealed record DecisionDto(
    Guid Id, string Number, Guid PersonId, MonitoringGroup Group, int DurationMonths, DateOnly StartDate, DateOnly EndDate,
    Guid ManagingOfficerId, string CommuneCode, DecisionStatus Status, bool GuardianRequired, DateTimeOffset? SignedAt, Guid? SignedBy,
    DateTimeOffset? EndedAt, string? Note, IReadOnlyList<DecisionActionDto> Actions, long Version)
{
    public static DecisionDto From(MonitoringDecision d) => new(d.Id, d.Number, d.PersonId, d.Group, d.DurationMonths, d.StartDate, d.EndDate,
        d.ManagingOfficerId, d.CommuneCode, d.Status, d.GuardianRequired, d.SignedAt, d.SignedBy, d.EndedAt, d.Note,
        d.Actions.OrderBy(a => a.RecordedAt).Select(a => new DecisionActionDto(a.Kind, a.EffectiveAt, a.RecordedAt, a.SignedBy, a.SuspensionReason, a.Note)).ToList(),
        d.Version);
}
