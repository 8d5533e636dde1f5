namespace Vigil.Server.Api;

/// <summary>
/// An enum value as Vigil names it on the wire everywhere — REST JSON, dictionary keys, the live feed: camelCase
/// ("communityRehabilitation", "critical").
/// </summary>
public static class ApiNames
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
