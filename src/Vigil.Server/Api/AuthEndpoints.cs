using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain;
using Vigil.Domain.Identity;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>Log-in: password, then (for officers) a TOTP code; the answer is a bearer token.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentication");
        auth.MapPost("/login", LogInAsync).AllowAnonymous();
        auth.MapPost("/second-factor", SecondFactorAsync).AllowAnonymous();
        auth.MapGet("/me", MeAsync);
        auth.MapPost("/password", ChangePasswordAsync);
    }

    /// <summary>Step one. Wearers and guardians get their token at once; officers get a short token for step two.</summary>
    private static async Task<LogInResponse> LogInAsync(LogInRequest request, VigilDbContext db, TokenService tokens, AuditLog audit,
        IOptions<SecurityOptions> options, TimeProvider clock, ILogger<LogInRequest> logger, CancellationToken ct)
    {
        var username = Check.Text(request.Username, "username", 64);
        var password = Check.Text(request.Password, "password", 200);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Username == username, ct);
        var now = clock.GetUtcNow();
        if (user is null || user.Disabled)
        {
            // Hash anyway, so that the answer takes as long for an unknown user as for a wrong password.
            PasswordHasher.Verify(password, DummyHash);
            logger.LoginRefused(username, "unknown or disabled");
            throw new UnauthorizedException("invalid-credentials", "The username or password is wrong.");
        }

        EnsureNotLocked(user, now, logger);
        if (!PasswordHasher.Verify(password, user.PasswordHash))
        {
            await FailAsync(user, "password", audit, options.Value, now, logger, ct);
            throw new UnauthorizedException("invalid-credentials", "The username or password is wrong.");
        }

        if (user.Role.IsOfficer())
        {
            var (token, expires) = tokens.IssueSecondFactor(user);
            return new LogInResponse(null, null, true, token, expires);
        }

        return await CompleteAsync(user, db, tokens, audit, logger, ct);
    }

    private static async Task<LogInResponse> SecondFactorAsync(SecondFactorRequest request, VigilDbContext db, TokenService tokens,
        AuditLog audit, IOptions<SecurityOptions> options, TimeProvider clock, ILogger<LogInRequest> logger, CancellationToken ct)
    {
        var token = Check.Text(request.SecondFactorToken, "secondFactorToken", 4000);
        var code = Check.Text(request.Code, "code", 10);
        var userId = await tokens.ReadSecondFactorAsync(token)
            ?? throw new UnauthorizedException("second-factor-expired", "The log-in step has expired; enter your password again.");
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new UnauthorizedException("invalid-credentials", "The username or password is wrong.");
        var now = clock.GetUtcNow();
        EnsureNotLocked(user, now, logger);
        if (user.TotpSecret is null || Totp.Match(user.TotpSecret, code, now) is not { } step || !user.UseSecondFactorStep(step))
        {
            await FailAsync(user, "second factor", audit, options.Value, now, logger, ct);
            throw new UnauthorizedException("invalid-code", "The code is wrong or has expired.");
        }

        return await CompleteAsync(user, db, tokens, audit, logger, ct);
    }

    private static async Task<MeResponse> MeAsync(CurrentUser me, VigilDbContext db, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == me.Id, ct);
        var unit = user.UnitId is null ? null : await db.Units.AsNoTracking().SingleAsync(u => u.Id == user.UnitId, ct);
        return new MeResponse(user.Id, user.Username, user.DisplayName, user.Role, unit is null ? null : UnitDto.From(unit),
            user.PersonId, user.WardPersonId);
    }

    private static async Task<IResult> ChangePasswordAsync(ChangePasswordRequest request, CurrentUser me, VigilDbContext db,
        AuditLog audit, CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == me.Id, ct);
        if (!PasswordHasher.Verify(Check.Text(request.CurrentPassword, "currentPassword", 200), user.PasswordHash))
        {
            throw new DomainException("currentPassword", "wrong-password", "The current password is wrong.");
        }

        user.PasswordHash = PasswordHasher.Hash(Passwords.CheckStrength(request.NewPassword, "newPassword"));
        audit.Record("user.password-change", "user", user.Id);
        await audit.SaveAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<LogInResponse> CompleteAsync(UserAccount user, VigilDbContext db, TokenService tokens, AuditLog audit,
        ILogger logger, CancellationToken ct)
    {
        user.RecordSuccessfulLogin();
        var unit = user.UnitId is null ? null : await db.Units.AsNoTracking().SingleAsync(u => u.Id == user.UnitId, ct);
        audit.RecordFor(user, "user.login");
        await audit.SaveAsync(ct);
        logger.LoggedIn(user.Username, user.Role.ToString());
        var (token, expires) = tokens.IssueAccess(user, unit);
        return new LogInResponse(token, expires, false, null, null);
    }

    private static void EnsureNotLocked(UserAccount user, DateTimeOffset now, ILogger logger)
    {
        if (user.IsLockedAt(now))
        {
            logger.LoginRefused(user.Username, "locked");
            throw new UnauthorizedException("account-locked",
                $"Too many failed attempts: the account is locked until {user.LockedUntil:yyyy-MM-dd HH:mm} UTC.");
        }
    }

    private static async Task FailAsync(UserAccount user, string step, AuditLog audit, SecurityOptions options,
        DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        user.RecordFailedLogin(now, options.MaxFailedLogins, TimeSpan.FromMinutes(options.LockoutMinutes));
        audit.RecordFor(user, "user.login-failed", new { step, locked = user.IsLockedAt(now) });
        await audit.SaveAsync(ct);
        logger.LoginRefused(user.Username, step);
    }

    private static readonly string DummyHash = PasswordHasher.Hash(Guid.NewGuid().ToString());
}

/// <summary>Username and password.</summary>
public sealed record LogInRequest(string Username, string Password);

/// <summary>The token from step one and the 6-digit code from the authenticator app.</summary>
public sealed record SecondFactorRequest(string SecondFactorToken, string Code);

/// <summary>Either an access token, or (officers) the token for the second step.</summary>
public sealed record LogInResponse(string? AccessToken, DateTimeOffset? ExpiresAt, bool SecondFactorRequired,
    string? SecondFactorToken, DateTimeOffset? SecondFactorExpiresAt);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed record MeResponse(Guid Id, string Username, string DisplayName, Role Role, UnitDto? Unit, Guid? PersonId, Guid? WardPersonId);
