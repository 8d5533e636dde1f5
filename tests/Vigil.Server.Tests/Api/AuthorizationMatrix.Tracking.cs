using static Vigil.Server.Tests.Api.AuthorizationActor;

namespace Vigil.Server.Tests.Api;

public static partial class AuthorizationMatrix
{
    private const string Period = "from=2026-11-22T00:00:00Z&to=2026-11-23T00:00:00Z";

    /// <summary>
    /// Positions, tracks and vitals: case readers of the jurisdiction and the wearer themself (their own track and vitals);
    /// a person elsewhere does not exist. The latest positions are listed for case readers only, filtered to their
    /// jurisdiction (TrackingEndpointsTests shows the filtering with real positions).
    /// </summary>
    private static IEnumerable<AuthorizationRow> Tracking() =>
    [
        Get("/api/v1/positions/latest").Allowed(OwnReaders).Allowed(SiblingReaders),
        Get("/api/v1/persons/{id:guid}/track", w => [w.Person]).Query(Period).Showing(w => w.Person)
            .Allowed(OwnReaders).Allowed(Wearer).Hidden(SiblingReaders),
        Get("/api/v1/persons/{id:guid}/vitals", w => [w.Person]).Query(Period).Showing(w => w.Person)
            .Allowed(OwnReaders).Allowed(Wearer).Hidden(SiblingReaders),
    ];
}
