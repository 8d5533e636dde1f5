using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Vigil.Server.Security;

/// <summary>
/// Argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane), stored as
/// "argon2id$m=19456,t=2,p=1$salt$hash" so that the parameters can be raised later without breaking old hashes.
/// </summary>
public static class PasswordHasher
{
    private const int MemoryKib = 19_456;
    private const int Iterations = 2;
    private const int Lanes = 1;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Compute(password, salt, MemoryKib, Iterations, Lanes);
        return $"argon2id$m={MemoryKib},t={Iterations},p={Lanes}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "argon2id")
        {
            return false;
        }

        var parameters = parts[1].Split(',').Select(p => int.Parse(p[2..], CultureInfo.InvariantCulture)).ToArray();
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Compute(password, Convert.FromBase64String(parts[2]), parameters[0], parameters[1], parameters[2]);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static byte[] Compute(string password, byte[] salt, int memoryKib, int iterations, int lanes)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKib,
            Iterations = iterations,
            DegreeOfParallelism = lanes,
        };
        return argon.GetBytes(32);
    }
}
