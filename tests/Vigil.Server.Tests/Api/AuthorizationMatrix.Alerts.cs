using static Vigil.Server.Tests.Api.AuthorizationActor;

namespace Vigil.Server.Tests.Api;

public static partial class AuthorizationMatrix
{
    /// <summary>Who takes alerts and writes notes: the commune's case workers and the supervisors above them.</summary>
    private static readonly AuthorizationActor[] OwnResponders = [CommuneChief, ManagingOfficer, ProvincialSupervisor, NationalSupervisor];

    private static readonly AuthorizationActor[] SiblingResponders = [SiblingCommuneChief, SiblingManagingOfficer, SiblingProvincialSupervisor];

    /// <summary>
    /// Alerts: read like the case within the jurisdiction of the station they were routed to; taken and annotated by
    /// responders; resolved and escalated by the commune. State changes carry a stale If-Match (412 once past the checks).
    /// </summary>
    private static IEnumerable<AuthorizationRow> Alerts() =>
    [
        Get("/api/v1/alerts").Query("pageSize=200").Showing(w => w.Alert).Allowed(OwnReaders).Filtered(SiblingReaders),
        Get("/api/v1/alerts/counts").Allowed(OwnReaders).Allowed(SiblingReaders),
        Get("/api/v1/alerts/{id:guid}", w => [w.Alert]).Showing(w => w.Alert).Allowed(OwnReaders).Hidden(SiblingReaders),
        Post("/api/v1/alerts/{id:guid}/acknowledge", w => [w.Alert]).StaleIfMatch().Allowed(OwnResponders).Hidden(SiblingResponders),
        Post("/api/v1/alerts/{id:guid}/resolve", w => [w.Alert]).StaleIfMatch().Json(new { outcome = "falseAlarm", note = "Sai số GPS" })
            .Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),
        Post("/api/v1/alerts/{id:guid}/escalate", w => [w.Alert]).StaleIfMatch().Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),
        Post("/api/v1/alerts/{id:guid}/notes", w => [w.Alert]).Json(new { text = "" }).Allowed(OwnResponders).Hidden(SiblingResponders),
    ];
}
