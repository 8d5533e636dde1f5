using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Domain.Identity;

/// <summary>RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30 s), as authenticator apps expect.</summary>
public static class Totp
{
    private const int StepSeconds = 30;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string NewSecret() => ToBase32(RandomNumberGenerator.GetBytes(20));

    public static string Code(string base32Secret, DateTimeOffset at) => Code(FromBase32(base32Secret), at.ToUnixTimeSeconds() / StepSeconds);

    /// <summary>Accepts the current step and one either side, for clock drift between phone and server.</summary>
    public static bool Verify(string base32Secret, string code, DateTimeOffset now) => Match(base32Secret, code, now) is not null;

    /// <summary>The time step the code belongs to (current ± 1), or null when it matches none.</summary>
    public static long? Match(string base32Secret, string code, DateTimeOffset now)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var key = FromBase32(base32Secret);
        var step = now.ToUnixTimeSeconds() / StepSeconds;
        long? matched = null;
        for (var drift = -1; drift <= 1; drift++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step + drift)), Encoding.ASCII.GetBytes(code)))
            {
                matched = step + drift;
            }
        }

        return matched;
    }

    /// <summary>The otpauth:// URI an authenticator app scans.</summary>
    public static string Uri(string base32Secret, string username) =>
        $"otpauth://totp/Vigil:{System.Uri.EscapeDataString(username)}?secret={base32Secret}&issuer=Vigil&digits=6&period={StepSeconds}";

    private static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static string ToBase32(byte[] data)
    {
        var output = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            output.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return output.ToString();
    }

    private static byte[] FromBase32(string text)
    {
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The TOTP secret is not base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)((buffer >> (bits - 8)) & 0xff));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
