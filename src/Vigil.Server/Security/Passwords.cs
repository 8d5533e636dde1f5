using System.Security.Cryptography;
using Vigil.Domain;

namespace Vigil.Server.Security;

internal static class Passwords
{
    public const int MinimumLength = 10;

    public static string CheckStrength(string? password, string field)
    {
        if (password is null || password.Length < MinimumLength)
        {
            throw new DomainException(field, "too-short", $"A password needs at least {MinimumLength} characters.");
        }

        if (password.Length > 200)
        {
            throw new DomainException(field, "too-long", "A password may be at most 200 characters.");
        }

        return password;
    }

    /// <summary>A random initial password, shown once to whoever creates the account.</summary>
    public static string Generate() =>
        string.Concat(RandomNumberGenerator.GetItems("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".AsSpan(), 14));
}
