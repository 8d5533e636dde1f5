using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Outbound;

/// <summary>
/// The <c>X-Vigil-Signature</c> header: <c>sha256=</c> and the lower-case hex HMAC-SHA256, keyed with the
/// shared secret, of <c>"{timestamp}.{body}"</c>. Signing the timestamp with the body lets a receiver refuse replays.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = timestamp.ToString(CultureInfo.InvariantCulture) + ".";
        var signed = new byte[prefix.Length + body.Length];
        var written = Encoding.ASCII.GetBytes(prefix, signed);
        body.CopyTo(signed.AsSpan(written));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Whether <paramref name="signature"/> is the header value for this body and timestamp (constant-time).</summary>
    public static bool Verify(string secret, long timestamp, ReadOnlySpan<byte> body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
