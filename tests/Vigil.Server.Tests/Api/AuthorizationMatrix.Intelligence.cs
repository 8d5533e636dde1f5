using static Vigil.Server.Tests.Api.AuthorizationActor;

namespace Vigil.Server.Tests.Api;

public static partial class AuthorizationMatrix
{
    /// <summary>Who may search everyone's whereabouts (Access.Investigators): supervisors, analysts and the commune's chief.</summary>
    private static readonly AuthorizationActor[] OwnInvestigators = [NationalSupervisor, ProvincialSupervisor, ProvincialAnalyst, CommuneChief];

    private static readonly AuthorizationActor[] SiblingInvestigators = [SiblingProvincialSupervisor, SiblingProvincialAnalyst, SiblingCommuneChief];

    /// <summary>
    /// Investigations: a place search is open to every investigator (its answer is filtered to their jurisdiction, proved
    /// by InvestigationTests); a co-location search names a person, who does not exist outside their jurisdiction.
    /// </summary>
    private static IEnumerable<AuthorizationRow> Intelligence() =>
    [
        Post("/api/v1/investigations/near-place").Json(w => new
        {
            reason = "Kiểm tra ma trận phân quyền",
            from = w.Now.AddHours(-1),
            to = w.Now,
            circle = new { lat = 21.0300, lon = 105.8520, radiusMeters = 200 },
        }).Allowed(OwnInvestigators).Allowed(SiblingInvestigators),
        Post("/api/v1/investigations/co-location").Json(w => new { reason = "Kiểm tra ma trận phân quyền", personId = w.Person, from = w.Now.AddHours(-1), to = w.Now })
            .Allowed(OwnInvestigators).Hidden(SiblingInvestigators),

        // Record transfer: every officer who reads the case; a bad format fails harmlessly after the checks.
        Post("/api/v1/persons/{id:guid}/location-history/export", w => [w.Person]).Json(new { reason = "Kiểm tra ma trận phân quyền", format = "kml" })
            .Allowed(OwnReaders).Hidden(SiblingReaders),

        // Statistics: aggregates of the caller's own area for the case readers and device logistics; a narrower area
        // must lie within the jurisdiction.
        Get("/api/v1/statistics/overview").Allowed(OwnReaders).Allowed(SiblingReaders).Allowed(ProvincialLogistics, SiblingProvincialLogistics),
        Get("/api/v1/statistics/overview").Query($"communeCode={AuthorizationWorld.Commune}")
            .Allowed(OwnReaders).Allowed(ProvincialLogistics).Hidden(SiblingReaders).Hidden(SiblingProvincialLogistics),
        Get("/api/v1/statistics/trends").Query($"communeCode={AuthorizationWorld.Commune}")
            .Allowed(OwnReaders).Allowed(ProvincialLogistics).Hidden(SiblingReaders).Hidden(SiblingProvincialLogistics),

        // Suspicious places: the province and national analysts and supervisors (the hotspot editors); the analysis is
        // filtered to their jurisdiction, a named commune must lie within it; a promotion without a name fails after the checks.
        Post("/api/v1/suspicious-places").Json(w => new { reason = "Kiểm tra ma trận phân quyền", from = w.Now.AddDays(-1), to = w.Now })
            .Allowed(HotspotEditors),
        Post("/api/v1/suspicious-places").Json(w => new { reason = "Kiểm tra ma trận phân quyền", from = w.Now.AddDays(-1), to = w.Now, communeCode = AuthorizationWorld.Commune })
            .Allowed(NationalSupervisor, ProvincialSupervisor, ProvincialAnalyst).Hidden(SiblingProvince),
        Post("/api/v1/suspicious-places/promote").Json(new { reason = "Kiểm tra ma trận phân quyền", name = "", category = "apartment", lat = 21.03, lon = 105.85, radiusMeters = 60 })
            .Allowed(HotspotEditors),

        // Compliance: a person's score for the officers who read the case and the wearer themself; a unit's list for
        // the case readers, filtered to their jurisdiction, a narrower area within it.
        Get("/api/v1/persons/{id:guid}/compliance", w => [w.Person]).Allowed(OwnReaders).Allowed(Wearer).Hidden(SiblingReaders),
        Get("/api/v1/compliance").Allowed(OwnReaders).Allowed(SiblingReaders),
        Get("/api/v1/compliance").Query($"communeCode={AuthorizationWorld.Commune}").Allowed(OwnReaders).Hidden(SiblingReaders),
    ];
}
