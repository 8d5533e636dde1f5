namespace Vigil.Server.Tests.Api;

public static partial class AuthorizationMatrix
{
    /// <summary>
    /// The live feed's gate, the hub's negotiate request: case readers of every jurisdiction pass (each is then put
    /// in the group of its own jurisdiction, see LiveFeedTests); logistics, administrators, wearers and guardians are refused.
    /// </summary>
    private static IEnumerable<AuthorizationRow> Live() =>
    [
        Post("/hubs/live/negotiate").Query("negotiateVersion=1").Allowed(OwnReaders).Allowed(SiblingReaders),
    ];
}
