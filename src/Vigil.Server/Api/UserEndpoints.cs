using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>Officer accounts, managed by system administrators within their own jurisdiction.</summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("", ListAsync);
        users.MapPost("", CreateAsync);
        users.MapPost("/{id:guid}/unlock", UnlockAsync);
        users.MapPost("/{id:guid}/disable", DisableAsync);
        users.MapPost("/{id:guid}/second-factor/reset", ResetSecondFactorAsync);
    }

    private static async Task<PageOf<UserDto>> ListAsync(VigilDbContext db, Access access, int? page, int? pageSize, CancellationToken ct)
    {
        access.Require(Role.SystemAdministrator);
        var unitIds = await VisibleUnitIdsAsync(db, access, ct);
        return await db.Users.AsNoTracking().Where(u => u.UnitId != null && unitIds.Contains(u.UnitId.Value))
            .OrderBy(u => u.Username).ToPageAsync(page, pageSize, UserDto.From, ct);
    }

    private static async Task<IResult> CreateAsync(CreateUserRequest request, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        access.Require(Role.SystemAdministrator);
        var role = Check.Defined(request.Role ?? throw Check.Missing("role"), "role");
        if (!role.IsOfficer())
        {
            throw new DomainException("role", "not-an-officer-role", "Wearer and guardian accounts are created from the person's page.");
        }

        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, ct)
            ?? throw new DomainException("unitId", "unknown-unit", "There is no such unit.");
        EnsureAdminCovers(access, unit);
        EnsureRoleFitsUnit(role, unit);
        var username = await UniqueUsernameAsync(db, request.Username, ct);
        var password = Passwords.Generate();
        var user = new UserAccount
        {
            Username = username,
            DisplayName = Check.Text(request.DisplayName, "displayName", 150),
            Role = role,
            UnitId = unit.Id,
            PasswordHash = PasswordHasher.Hash(password),
            TotpSecret = Totp.NewSecret(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        audit.Record("user.create", "user", user.Id, details: new { user.Username, role, unit = unit.Id });
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/users/{user.Id}",
            new CreatedAccount(UserDto.From(user), password, user.TotpSecret, Totp.Uri(user.TotpSecret, user.Username)));
    }

    private static Task<UserDto> UnlockAsync(Guid id, VigilDbContext db, Access access, AuditLog audit, CancellationToken ct) =>
        ChangeAsync(id, db, access, audit, "user.unlock", u => u.Unlock(), ct);

    private static Task<UserDto> DisableAsync(Guid id, VigilDbContext db, Access access, AuditLog audit, CancellationToken ct) =>
        ChangeAsync(id, db, access, audit, "user.disable", u => u.Disabled = true, ct);

    private static async Task<CreatedAccount> ResetSecondFactorAsync(Guid id, VigilDbContext db, Access access, AuditLog audit, CancellationToken ct)
    {
        var secret = Totp.NewSecret();
        var user = await ChangeAsync(id, db, access, audit, "user.second-factor-reset", u => u.TotpSecret = secret, ct);
        return new CreatedAccount(user, null, secret, Totp.Uri(secret, user.Username));
    }

    private static async Task<UserDto> ChangeAsync(Guid id, VigilDbContext db, Access access, AuditLog audit, string action,
        Action<UserAccount> change, CancellationToken ct)
    {
        access.Require(Role.SystemAdministrator);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("id", "There is no such user.");
        var unitIds = await VisibleUnitIdsAsync(db, access, ct);
        if (user.UnitId is not { } unitId || !unitIds.Contains(unitId))
        {
            throw new NotFoundException("id", "There is no such user in your jurisdiction.");
        }

        change(user);
        audit.Record(action, "user", user.Id);
        await audit.SaveAsync(ct);
        return UserDto.From(user);
    }

    internal static async Task<string> UniqueUsernameAsync(VigilDbContext db, string? requested, CancellationToken ct)
    {
        var username = Check.Text(requested, "username", 64).ToLowerInvariant();
        if (!username.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new DomainException("username", "invalid-username", "A username uses only letters a–z, digits, '.', '-' and '_'.");
        }

        return await db.Users.AnyAsync(u => u.Username == username, ct)
            ? throw new DomainException("username", "taken", $"The username '{username}' is taken.")
            : username;
    }

    private static void EnsureAdminCovers(Access access, Unit unit)
    {
        var j = access.Jurisdiction;
        if (j.Level != UnitLevel.National && unit.ProvinceCode != j.ProvinceCode)
        {
            throw new DomainException("unitId", "outside-jurisdiction", "You can create accounts only in units of your jurisdiction.");
        }
    }

    private static void EnsureRoleFitsUnit(Role role, Unit unit)
    {
        var fits = role switch
        {
            Role.NationalSupervisor => unit.Level == UnitLevel.National,
            Role.ProvincialSupervisor or Role.ProvincialAnalyst => unit.Level == UnitLevel.Provincial,
            Role.CommuneChief or Role.ManagingOfficer => unit.Level == UnitLevel.Commune,
            _ => true,
        };
        if (!fits)
        {
            throw new DomainException("role", "role-does-not-fit-unit", $"A {role} cannot belong to a {unit.Level} unit.");
        }
    }

    private static async Task<List<Guid>> VisibleUnitIdsAsync(VigilDbContext db, Access access, CancellationToken ct)
    {
        var j = access.Jurisdiction;
        return await db.Units.Where(u => j.Level == UnitLevel.National || u.ProvinceCode == j.ProvinceCode).Select(u => u.Id).ToListAsync(ct);
    }
}

public sealed record UserDto(Guid Id, string Username, string DisplayName, Role Role, Guid? UnitId, Guid? PersonId, Guid? WardPersonId,
    bool Disabled, DateTimeOffset? LockedUntil)
{
    public static UserDto From(UserAccount u) => new(u.Id, u.Username, u.DisplayName, u.Role, u.UnitId, u.PersonId, u.WardPersonId, u.Disabled, u.LockedUntil);
}

public sealed record CreateUserRequest(string Username, string DisplayName, Role? Role, Guid UnitId);

/// <summary>A new account's initial password and TOTP secret: shown this once, never stored in clear.</summary>
public sealed record CreatedAccount(UserDto User, string? InitialPassword, string? TotpSecret, string? TotpUri);
