using System.Security.Claims;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;

namespace Vigil.Server.Security;

/// <summary>Who is calling, read from the bearer token; anonymous when there is none.</summary>
public sealed class CurrentUser
{
    public CurrentUser(IHttpContextAccessor accessor)
        : this(accessor.HttpContext?.User)
    {
    }

    /// <summary>From a principal read elsewhere, e.g. a SignalR connection's user.</summary>
    internal CurrentUser(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || principal.Find(VigilClaims.Purpose) != VigilClaims.AccessPurpose
            || !Guid.TryParse(principal.Find(VigilClaims.UserId), out var id)
            || !Enum.TryParse<Role>(principal.Find(VigilClaims.Role), out var role))
        {
            return;
        }

        Id = id;
        Role = role;
        Name = principal.Find(VigilClaims.Name) ?? "";
        UnitId = Guid.TryParse(principal.Find(VigilClaims.Unit), out var unit) ? unit : null;
        PersonId = Guid.TryParse(principal.Find(VigilClaims.Person), out var person) ? person : null;
        WardPersonId = Guid.TryParse(principal.Find(VigilClaims.Ward), out var ward) ? ward : null;
        if (Enum.TryParse<UnitLevel>(principal.Find(VigilClaims.Level), out var level))
        {
            Jurisdiction = new Jurisdiction(level, principal.Find(VigilClaims.Province), principal.Find(VigilClaims.Commune));
        }
    }

    public Guid Id { get; }

    public bool IsAuthenticated => Id != Guid.Empty;

    public Role Role { get; }

    public string Name { get; } = "anonymous";

    public Guid? UnitId { get; }

    /// <summary>For officers: the area they may see. Null for wearers and guardians.</summary>
    public Jurisdiction? Jurisdiction { get; }

    public Guid? PersonId { get; }

    public Guid? WardPersonId { get; }
}
