using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Server.Data;

namespace Vigil.Server.Security;

/// <summary>Issues the bearer tokens: a short one for the second log-in step, then the access token.</summary>
public sealed class TokenService(IOptions<SecurityOptions> options, SigningKey key, TimeProvider clock)
{
    public const string Issuer = "vigil";

    public (string Token, DateTimeOffset ExpiresAt) IssueAccess(UserAccount user, Unit? unit)
    {
        var claims = new Dictionary<string, object>
        {
            [VigilClaims.UserId] = user.Id.ToString(),
            [VigilClaims.Name] = user.DisplayName,
            [VigilClaims.Role] = user.Role.ToString(),
            [VigilClaims.Purpose] = VigilClaims.AccessPurpose,
        };
        if (unit is not null)
        {
            claims[VigilClaims.Unit] = unit.Id.ToString();
            claims[VigilClaims.Level] = unit.Level.ToString();
            AddIfSet(claims, VigilClaims.Province, unit.ProvinceCode);
            AddIfSet(claims, VigilClaims.Commune, unit.CommuneCode);
        }

        AddIfSet(claims, VigilClaims.Person, user.PersonId?.ToString());
        AddIfSet(claims, VigilClaims.Ward, user.WardPersonId?.ToString());
        return Issue(claims, TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes));
    }

    public (string Token, DateTimeOffset ExpiresAt) IssueSecondFactor(UserAccount user) => Issue(
        new Dictionary<string, object>
        {
            [VigilClaims.UserId] = user.Id.ToString(),
            [VigilClaims.Purpose] = VigilClaims.SecondFactorPurpose,
        },
        TimeSpan.FromMinutes(options.Value.SecondFactorWindowMinutes));

    /// <summary>Reads a second-step token; null when it is invalid, expired or of another purpose.</summary>
    public async Task<Guid?> ReadSecondFactorAsync(string token)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, ValidationParameters(key, clock));
        return result.IsValid
            && result.Claims.TryGetValue(VigilClaims.Purpose, out var purpose) && (string)purpose == VigilClaims.SecondFactorPurpose
            && result.Claims.TryGetValue(VigilClaims.UserId, out var sub) && Guid.TryParse((string)sub, out var id)
            ? id
            : null;
    }

    /// <summary>Validation shared by the bearer handler and the second step; lifetimes are judged on the injected clock.</summary>
    public static TokenValidationParameters ValidationParameters(SigningKey key, TimeProvider clock) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKey = key.Key,
        NameClaimType = VigilClaims.Name,
        RoleClaimType = VigilClaims.Role,
        ValidateLifetime = true,
        LifetimeValidator = (_, expires, _, _) => expires is { } e && clock.GetUtcNow().UtcDateTime < e,
    };

    private (string, DateTimeOffset) Issue(Dictionary<string, object> claims, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        var expires = now + lifetime;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    private static void AddIfSet(Dictionary<string, object> claims, string name, string? value)
    {
        if (value is not null)
        {
            claims[name] = value;
        }
    }
}

/// <summary>The HMAC key that signs bearer tokens: from configuration, or generated once and kept in the data folder.</summary>
public sealed class SigningKey
{
    public SigningKey(IOptions<SecurityOptions> security, IOptions<StorageOptions> storage)
    {
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(security.Value.TokenKey))
        {
            bytes = Convert.FromBase64String(security.Value.TokenKey);
        }
        else
        {
            var path = Path.Combine(Path.GetFullPath(storage.Value.DataFolder), "keys", "token.key");
            if (File.Exists(path))
            {
                bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
            }
            else
            {
                bytes = RandomNumberGenerator.GetBytes(32);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, Convert.ToBase64String(bytes));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
        }

        if (bytes.Length < 32)
        {
            throw new OptionsValidationException(SecurityOptions.Section, typeof(SecurityOptions),
                ["Security:TokenKey must be at least 32 bytes of base64."]);
        }

        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }
}

internal static class ClaimsPrincipalExtensions
{
    public static string? Find(this ClaimsPrincipal principal, string type) => principal.FindFirst(type)?.Value;
}
