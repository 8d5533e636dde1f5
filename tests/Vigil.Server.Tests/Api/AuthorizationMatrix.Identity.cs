using static Vigil.Server.Tests.Api.AuthorizationActor;

namespace Vigil.Server.Tests.Api;

public static partial class AuthorizationMatrix
{
    /// <summary>Log-in, provinces, communes, units and officer accounts.</summary>
    private static IEnumerable<AuthorizationRow> Identity() =>
    [
        // The only doors open without a token; a blank form is refused on its fields, whoever knocks.
        Post("/api/v1/auth/login").Json(new { username = "", password = "" }).Allowed(Everyone).Allowed(Anonymous),
        Post("/api/v1/auth/second-factor").Json(new { secondFactorToken = "", code = "" }).Allowed(Everyone).Allowed(Anonymous),
        Get("/api/v1/auth/me").Allowed(Everyone),
        Post("/api/v1/auth/password").Json(new { currentPassword = "not-my-password", newPassword = "Another-Passw0rd!" }).Allowed(Everyone),

        // Provinces and communes are reference data, the same for every officer.
        Get("/api/v1/provinces").Allowed(Officers),
        Get("/api/v1/provinces/{code}/communes", _ => ["01"]).Allowed(Officers),

        // Not asserted for provincial administrators: today any system administrator may import, and so rename,
        // the communes of every province (JurisdictionEndpoints.ImportCommunesAsync checks the role only); whether
        // that should be 403 or rows refused outside the province is a decision to make, not a fact to test.
        Post("/api/v1/communes/import").Csv("not,a,header\n").Allowed(NationalAdministrator)
            .NotAsserted(ProvincialAdministrator, SiblingProvincialAdministrator),

        Get("/api/v1/units").Query("pageSize=200").Showing(w => w.CommuneUnit).Allowed(OwnOfficers).Filtered(SiblingOfficers),
        Post("/api/v1/units").Json(new { name = "", level = "commune", communeCode = AuthorizationWorld.Commune }).Allowed(NationalAdministrator),

        Get("/api/v1/users").Query("pageSize=200").Showing(w => w.SpareOfficer)
            .Allowed(Administrators).Filtered(SiblingProvincialAdministrator),
        Post("/api/v1/users").Json(w => new { username = "", displayName = "Cán bộ thử", role = "managingOfficer", unitId = w.CommuneUnit })
            .Allowed(Administrators).Outside(SiblingProvincialAdministrator),
        Post("/api/v1/users/{id:guid}/unlock", w => [w.SpareOfficer]).Allowed(Administrators).Hidden(SiblingProvincialAdministrator),
        Post("/api/v1/users/{id:guid}/disable", w => [w.SpareOfficer]).Allowed(Administrators).Hidden(SiblingProvincialAdministrator),
        Post("/api/v1/users/{id:guid}/second-factor/reset", w => [w.SpareOfficer]).Allowed(Administrators).Hidden(SiblingProvincialAdministrator),
    ];
}
