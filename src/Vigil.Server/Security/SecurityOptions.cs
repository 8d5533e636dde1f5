using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Security;

/// <summary>Log-in and token settings.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Base64 HMAC key (≥ 32 bytes) for bearer tokens; when empty one is generated and kept in the data folder.</summary>
    public string? TokenKey { get; set; }

    [Range(5, 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 8 * 60;

    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(1, 30)]
    public int SecondFactorWindowMinutes { get; set; } = 5;
}
