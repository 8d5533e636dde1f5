using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Audit;
using Vigil.Domain.Identity;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>Reading and verifying the audit log: national supervisors and system administrators.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("", ListAsync);
        audit.MapGet("/verify", VerifyAsync);
    }

    /// <summary>
    /// The log newest first, narrowed by person, action, actor (a username: that account's entries; or the name an entry
    /// records, such as "system") and period (<c>from</c> inclusive, <c>to</c> exclusive).
    /// </summary>
    private static async Task<PageOf<AuditEntry>> ListAsync(VigilDbContext db, Access access, Guid? personId, string? action, string? actor,
        DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken ct)
    {
        RequireNational(access);
        var query = db.AuditEntries.AsNoTracking();
        if (personId is { } p)
        {
            query = query.Where(a => a.PersonId == p);
        }

        if (action is not null)
        {
            query = query.Where(a => a.Action == action);
        }

        if (actor is not null)
        {
            var accounts = await db.Users.Where(u => u.Username == actor).Select(u => (Guid?)u.Id).ToListAsync(ct);
            query = query.Where(a => a.ActorName == actor || accounts.Contains(a.ActorId));
        }

        if (from is { } since)
        {
            var utc = since.ToUniversalTime();
            query = query.Where(a => a.At >= utc);
        }

        if (to is { } until)
        {
            var utc = until.ToUniversalTime();
            query = query.Where(a => a.At < utc);
        }

        return await query.OrderByDescending(a => a.Sequence).ToPageAsync(page, pageSize, a => a, ct);
    }

    private static Task<AuditVerification> VerifyAsync(AuditVerifier verifier, Access access, CancellationToken ct)
    {
        RequireNational(access);
        return verifier.VerifyAsync(ct);
    }

    private static void RequireNational(Access access)
    {
        access.Require(Role.NationalSupervisor, Role.SystemAdministrator);
        if (access.Jurisdiction.Level != Domain.Jurisdictions.UnitLevel.National)
        {
            throw Access.Forbidden();
        }
    }
}
