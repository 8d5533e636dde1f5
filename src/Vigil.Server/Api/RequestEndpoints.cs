using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain;
using Vigil.Domain.Records;
using Vigil.Domain.Requests;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>Requests from the wearer (or made for them) and their decision by the commune.</summary>
internal static class RequestEndpoints
{
    public static void MapRequestEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/persons/{id:guid}/requests", ListForPersonAsync).WithTags("Requests");
        api.MapPost("/persons/{id:guid}/requests/{kind}", CreateAsync).WithTags("Requests");
        var requests = api.MapGroup("/requests").WithTags("Requests");
        requests.MapGet("", ListAsync);
        requests.MapGet("/incoming", IncomingAsync);
        requests.MapGet("/{id:guid}", GetAsync);
        requests.MapPost("/{id:guid}/approve", ApproveAsync);
        requests.MapPost("/{id:guid}/refuse", RefuseAsync);
        requests.MapPost("/{id:guid}/withdraw", WithdrawAsync);
    }

    /// <summary>Requests of the people in the caller's jurisdiction, pending first by default.</summary>
    private static async Task<PageOf<RequestDto>> ListAsync(VigilDbContext db, Access access, string? status, int? page, int? pageSize,
        CancellationToken ct)
    {
        var wanted = Check.QueryEnum<RequestStatus>(status, "status") ?? RequestStatus.Pending;
        var people = access.People(db.People.AsNoTracking()).Select(p => p.Id);
        var query = db.Requests.AsNoTracking().Where(r => people.Contains(r.PersonId) && r.Status == wanted);
        return await query.OrderBy(r => r.SubmittedAt).ToPageAsync(page, pageSize, RequestDto.From, ct);
    }

    /// <summary>
    /// The people a commune is to receive: approved residence changes into the caller's commune whose departure the old
    /// commune has recorded and whose arrival is not recorded yet. The commune does not hold them yet, so they are in
    /// none of its other lists; each one shown is audited as a read of that person's request.
    /// </summary>
    private static async Task<IReadOnlyList<IncomingMoveDto>> IncomingAsync(VigilDbContext db, Access access, AuditLog audit, CancellationToken ct)
    {
        access.Require(Access.CaseWorkers);
        var commune = access.Jurisdiction.CommuneCode;
        var moves = await db.Requests.AsNoTracking()
            .Where(r => r.Kind == RequestKind.ResidenceChange && r.Status == RequestStatus.Approved && r.ToCommuneCode == commune
                && db.Records.Any(d => d.RequestId == r.Id && d.Kind == RecordKind.ResidenceDeparture))
            .Join(db.People.Where(p => p.CommuneCode != commune), r => r.PersonId, p => p.Id, (r, p) => new { Request = r, p.FullName })
            .ToListAsync(ct);
        foreach (var move in moves)
        {
            audit.Record("request.incoming", "request", move.Request.Id, move.Request.PersonId);
        }

        await audit.SaveAsync(ct);
        return moves.OrderBy(m => m.Request.DecidedAt).Select(m => new IncomingMoveDto(m.FullName, RequestDto.From(m.Request))).ToList();
    }

    private static async Task<IReadOnlyList<RequestDto>> ListForPersonAsync(Guid id, VigilDbContext db, Access access, AuditLog audit,
        CancellationToken ct)
    {
        var person = await PersonEndpoints.FindAsync(db, id, ct);
        access.EnsureCanRead(person);
        var requests = await db.Requests.AsNoTracking().Where(r => r.PersonId == id).ToListAsync(ct);
        audit.Record("request.list", "person", person.Id, person.Id);
        await audit.SaveAsync(ct);
        return requests.OrderByDescending(r => r.SubmittedAt).Select(RequestDto.From).ToList();
    }

    private static async Task<IResult> CreateAsync(Guid id, string kind, CreateRequestRequest body, VigilDbContext db, Access access,
        AuditLog audit, IOptions<RequestOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var person = await PersonEndpoints.FindAsync(db, id, ct);
        access.EnsureCanRequest(person);
        var now = clock.GetUtcNow();
        var by = access.User.Id;
        var reason = Check.Text(body.Reason, "reason", 2000);
        var request = kind switch
        {
            "temporary-removal" => WearerRequest.TemporaryRemoval(person.Id, reason, body.StartsAt ?? now,
                body.ExpectedEnd ?? throw Missing("expectedEnd"), by, now, options.Value),
            "position-change" => WearerRequest.PositionChange(person.Id, reason, Check.Defined(body.Position ?? throw Missing("position"), "position"),
                Check.Defined(body.PositionReason ?? PositionChangeReason.Comfort, "positionReason"),
                WearState.From(await db.Records.AsNoTracking().Where(r => r.PersonId == id).ToListAsync(ct)), by, now, options.Value),
            "scope-change" => WearerRequest.ScopeChange(person.Id, reason, ValidateScope(body.Scope), by, now),
            "residence-change" => WearerRequest.ResidenceChange(person.Id, reason, person.CommuneCode,
                await CommuneAsync(db, body.ToCommuneCode, ct), Check.Text(body.NewAddress, "newAddress", 300), body.StartsAt ?? now, by, now),
            "malfunction-report" => WearerRequest.MalfunctionReport(person.Id, reason, body.DiscoveredAt ?? now, by, now),
            "travel-report" => WearerRequest.TravelReport(person.Id, reason, Check.Text(body.Destination, "destination", 300), body.StartsAt ?? now,
                body.ExpectedEnd ?? throw Missing("expectedEnd"), by, now, options.Value),
            _ => throw new NotFoundException("kind", $"There is no request kind '{kind}'."),
        };
        if (await db.Requests.AnyAsync(r => r.PersonId == id && r.Kind == request.Kind && r.Status == RequestStatus.Pending, ct))
        {
            throw new InvalidTransitionException("kind", "already-pending", "A request of this kind is already waiting for a decision.");
        }

        db.Requests.Add(request);
        audit.Record($"request.{kind}", "request", request.Id, person.Id);
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/requests/{request.Id}", RequestDto.From(request));
    }

    private static async Task<RequestDto> GetAsync(Guid id, HttpContext http, VigilDbContext db, Access access, CancellationToken ct)
    {
        var (request, person) = await FindAsync(db, id, ct);
        access.EnsureCanRead(person);
        http.SetETag(request.Version);
        return RequestDto.From(request);
    }

    /// <summary>Approving a scope change registers the proposed zones as the new scope version at once.</summary>
    private static async Task<RequestDto> ApproveAsync(Guid id, DecideRequest body, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var (request, person) = await FindAsync(db, id, ct);
        access.EnsureCaseWorker(person);
        var now = clock.GetUtcNow();
        request.Approve(access.User.Id, now, Check.Optional(body.Note, "note", 2000));
        if (request.Kind == RequestKind.ScopeChange)
        {
            var scope = JsonSerializer.Deserialize<ScopeRequest>(request.ProposedScopeJson!, JsonSerializerOptions.Web)!;
            var version = await ScopeEndpoints.RecordVersionAsync(db, person, scope, access.User.Id, now, request.Id, ct);
            audit.Record("scope.register", "scope", version.Id, person.Id, new { version.Number, request = request.Id });
        }

        audit.Record("request.approve", "request", request.Id, person.Id);
        await audit.SaveAsync(ct);
        return RequestDto.From(request);
    }

    private static async Task<RequestDto> RefuseAsync(Guid id, DecideRequest body, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var (request, person) = await FindAsync(db, id, ct);
        access.EnsureCaseWorker(person);
        request.Refuse(access.User.Id, clock.GetUtcNow(), Check.Text(body.Note, "note", 2000));
        audit.Record("request.refuse", "request", request.Id, person.Id);
        await audit.SaveAsync(ct);
        return RequestDto.From(request);
    }

    private static async Task<RequestDto> WithdrawAsync(Guid id, VigilDbContext db, Access access, AuditLog audit, TimeProvider clock,
        CancellationToken ct)
    {
        var (request, person) = await FindAsync(db, id, ct);
        access.EnsureCanRequest(person);
        request.Withdraw(access.User.Id, clock.GetUtcNow());
        audit.Record("request.withdraw", "request", request.Id, person.Id);
        await audit.SaveAsync(ct);
        return RequestDto.From(request);
    }

    private static string ValidateScope(ScopeRequest? scope)
    {
        // Validate now so that the wearer hears about a bad zone when asking, not when the officer approves.
        ScopeEndpoints.Validate(scope ?? throw Missing("scope"), "scope.", Guid.Empty);
        return JsonSerializer.Serialize(scope, JsonSerializerOptions.Web);
    }

    private static async Task<string> CommuneAsync(VigilDbContext db, string? code, CancellationToken ct) =>
        code is not null && await db.Communes.AnyAsync(c => c.Code == code, ct)
            ? code
            : throw new DomainException("toCommuneCode", "unknown-commune", $"There is no commune '{code}'.");

    private static async Task<(WearerRequest, Domain.People.Person)> FindAsync(VigilDbContext db, Guid id, CancellationToken ct)
    {
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("id", "There is no such request.");
        return (request, await PersonEndpoints.FindAsync(db, request.PersonId, ct));
    }

    private static DomainException Missing(string field) => new(field, "required", $"'{field}' is required for this kind of request.");
}

/// <summary>The facts of a request; which are required depends on the kind.</summary>
public sealed record CreateRequestRequest(
    string Reason, DateTimeOffset? StartsAt, DateTimeOffset? ExpectedEnd, BodyPosition? Position, PositionChangeReason? PositionReason,
    ScopeRequest? Scope, string? ToCommuneCode, string? NewAddress, DateTimeOffset? DiscoveredAt, string? Destination = null);

public sealed record DecideRequest(string? Note);

public sealed record RequestDto(
    Guid Id, Guid PersonId, RequestKind Kind, RequestStatus Status, string Reason, DateTimeOffset SubmittedAt, Guid SubmittedBy,
    DateTimeOffset? StartsAt, DateTimeOffset? ExpectedEnd, BodyPosition? RequestedPosition, PositionChangeReason? PositionReason,
    string? FromCommuneCode, string? ToCommuneCode, string? NewAddress, DateTimeOffset? DiscoveredAt, DateTimeOffset? DecidedAt,
    Guid? DecidedBy, string? DecisionNote, long Version, string? Destination)
{
    public static RequestDto From(WearerRequest r) => new(r.Id, r.PersonId, r.Kind, r.Status, r.Reason, r.SubmittedAt, r.SubmittedBy,
        r.StartsAt, r.ExpectedEnd, r.RequestedPosition, r.PositionReason, r.FromCommuneCode, r.ToCommuneCode, r.NewAddress, r.DiscoveredAt,
        r.DecidedAt, r.DecidedBy, r.DecisionNote, r.Version, r.Destination);
}

/// <summary>A person moving into the caller's commune, and the approved residence change they move by.</summary>
public sealed record IncomingMoveDto(string FullName, RequestDto Request);
