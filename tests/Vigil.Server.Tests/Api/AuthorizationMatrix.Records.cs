using static Vigil.Server.Tests.Api.AuthorizationActor;

namespace Vigil.Server.Tests.Api;

public static partial class AuthorizationMatrix
{
    /// <summary>Every record kind but the arrival, which the destination commune records (its own row).</summary>
    private static readonly string[] RecordKinds =
    [
        "attachment", "temporary-removal", "reattachment", "position-change", "device-swap", "collection", "residence-departure",
        "malfunction-report", "warning",
    ];

    private static readonly string[] RequestKinds = ["temporary-removal", "position-change", "scope-change", "residence-change", "malfunction-report"];

    /// <summary>Formal records: read like the profile; written by the holding commune only (a half-given place fails after the check).</summary>
    private static IEnumerable<AuthorizationRow> Records() =>
    [
        Get("/api/v1/persons/{id:guid}/records", w => [w.Person]).Allowed(OwnReaders).Allowed(Wearer).Hidden(SiblingReaders),
        .. RecordKinds.Select(kind => Post("/api/v1/persons/{id:guid}/records/{kind}", w => [w.Person, kind]).Json(new { placeLat = 91.0 })
            .Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers)),

        // The one record a commune makes for a person it does not hold yet: the arrival of an approved move to it.
        Post("/api/v1/persons/{id:guid}/records/{kind}", w => [w.Mover, "residence-arrival"]).Labelled("a move from 00070 to 00004")
            .Json(w => new { requestId = w.MoveRequest, placeLat = 91.0 })
            .Allowed(SiblingCaseWorkers).Hidden(OwnCaseWorkers),

        // A stale occurredAt is checked before who is asking (RecordEndpoints.CreateAsync, the occurredAt check comes
        // before access.EnsureCaseWorker): every signed-in caller gets 400 for a person that exists and 404 for one
        // that does not, so any account can probe which person ids exist, and roles without the right are not refused.
        Post("/api/v1/persons/{id:guid}/records/{kind}", w => [w.Person, "warning"]).Labelled("occurredAt 60 days ago")
            .Json(w => new { occurredAt = w.Now.AddDays(-60), reason = "Vi phạm phạm vi" })
            .Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers)
            .Bug("RecordEndpoints.CreateAsync validates occurredAt before the access check: 400 instead of 403/404"),
    ];

    /// <summary>Requests: the wearer asks for themself or the commune on their behalf; the commune decides.</summary>
    private static IEnumerable<AuthorizationRow> Requests() =>
    [
        Get("/api/v1/persons/{id:guid}/requests", w => [w.Person]).Showing(w => w.Request)
            .Allowed(OwnReaders).Allowed(Wearer).Hidden(SiblingReaders),
        .. RequestKinds.Select(kind => Post("/api/v1/persons/{id:guid}/requests/{kind}", w => [w.Person, kind]).Json(new { reason = "" })
            .Allowed(OwnCaseWorkers).Allowed(Wearer).Hidden(SiblingCaseWorkers)),
        Get("/api/v1/requests").Query("pageSize=200").Showing(w => w.Request).Allowed(OwnReaders).Filtered(SiblingReaders),
        // The destination commune lists the move whose departure is recorded; the old commune sees an empty list.
        Get("/api/v1/requests/incoming").Showing(w => w.MoveRequest).Allowed(SiblingCaseWorkers).Filtered(OwnCaseWorkers),
        Get("/api/v1/requests/{id:guid}", w => [w.Request]).Allowed(OwnReaders).Allowed(Wearer).Hidden(SiblingReaders),
        Post("/api/v1/requests/{id:guid}/approve", w => [w.Request]).Json(new { note = new string('x', 2001) })
            .Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),
        Post("/api/v1/requests/{id:guid}/refuse", w => [w.Request]).Json(new { note = "" }).Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),

        // Withdrawing has no harmless failure: the first caller allowed withdraws (200), the next find it decided (409).
        Post("/api/v1/requests/{id:guid}/withdraw", w => [w.WithdrawableRequest]).Allowed(OwnCaseWorkers).Allowed(Wearer).Hidden(SiblingCaseWorkers),
    ];
}
