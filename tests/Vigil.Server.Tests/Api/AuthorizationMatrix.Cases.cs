using static Vigil.Server.Tests.Api.AuthorizationActor;

namespace Vigil.Server.Tests.Api;

public static partial class AuthorizationMatrix
{
    /// <summary>People: lists are filtered to the jurisdiction; a person elsewhere does not exist; only the commune writes.</summary>
    private static IEnumerable<AuthorizationRow> People() =>
    [
        Get("/api/v1/persons").Query("pageSize=200").Showing(w => w.Person).Allowed(OwnReaders).Filtered(SiblingReaders),
        Get("/api/v1/persons").Query("pageSize=200").Labelled("anyone of 00070").Showing(_ => $"\"communeCode\":\"{AuthorizationWorld.Commune}\"")
            .Allowed(OwnReaders).Filtered(SiblingReaders),
        Get("/api/v1/persons").Query($"communeCode={AuthorizationWorld.Commune}&pageSize=200").Showing(w => w.Person)
            .Allowed(OwnReaders).Filtered(SiblingReaders),
        Post("/api/v1/persons").Json(PersonBody("not-a-number")).Allowed(OwnCaseWorkers).Outside(SiblingCaseWorkers),
        Get("/api/v1/persons/{id:guid}", w => [w.Person]).Showing(w => w.Person).Allowed(OwnReaders).Allowed(Wearer).Hidden(SiblingReaders),
        Put("/api/v1/persons/{id:guid}", w => [w.Person]).Json(PersonBody("001099000001")).Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),
        Post("/api/v1/persons/{id:guid}/guardians", w => [w.Person]).Json(new { fullName = "", relationship = "Mẹ", phone = "0987654321" })
            .Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),
        Post("/api/v1/persons/{id:guid}/account", w => [w.Person]).Json(new { username = "hk.wearer.again" })
            .Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),
        Post("/api/v1/persons/{id:guid}/guardians/{guardianId:guid}/account", w => [w.Person, w.Guardian]).Json(new { username = "hk.guardian.again" })
            .Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),
    ];

    /// <summary>Decisions: the guardian reads them too; only the chief of the holding commune signs, suspends, resumes and ends.</summary>
    private static IEnumerable<AuthorizationRow> Decisions() =>
    [
        Get("/api/v1/persons/{id:guid}/decisions", w => [w.Person]).Showing(w => w.Decision)
            .Allowed(OwnReaders).Allowed(Wearer, Guardian).Hidden(SiblingReaders),
        Post("/api/v1/persons/{id:guid}/decisions", w => [w.Person])
            .Json(w => new { durationMonths = 12, startDate = w.Today, managingOfficerId = Guid.Empty })
            .Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),
        Get("/api/v1/decisions/{id:guid}", w => [w.Decision]).Allowed(OwnReaders).Allowed(Wearer, Guardian).Hidden(SiblingReaders),
        Put("/api/v1/decisions/{id:guid}", w => [w.Decision]).Json(w => new { durationMonths = 12, startDate = w.Today })
            .Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),
        Post("/api/v1/decisions/{id:guid}/sign", w => [w.Decision]).StaleIfMatch().Allowed(CommuneChief).Hidden(SiblingCommuneChief),
        Post("/api/v1/decisions/{id:guid}/activate", w => [w.Decision]).StaleIfMatch().Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),
        Post("/api/v1/decisions/{id:guid}/suspend", w => [w.Decision]).StaleIfMatch().Json(new { reason = "criminalInvestigation" })
            .Allowed(CommuneChief).Hidden(SiblingCommuneChief),
        Post("/api/v1/decisions/{id:guid}/resume", w => [w.Decision]).StaleIfMatch().Json(new { })
            .Allowed(CommuneChief).Hidden(SiblingCommuneChief),
        Post("/api/v1/decisions/{id:guid}/end", w => [w.Decision]).StaleIfMatch().Json(new { })
            .Allowed(CommuneChief).Hidden(SiblingCommuneChief),

        // The scope: read like the profile, registered by the commune.
        Get("/api/v1/persons/{id:guid}/scope", w => [w.Person]).Allowed(OwnReaders).Allowed(Wearer).Hidden(SiblingReaders),
        Get("/api/v1/persons/{id:guid}/scope/versions", w => [w.Person]).Allowed(OwnReaders).Allowed(Wearer).Hidden(SiblingReaders),
        Post("/api/v1/persons/{id:guid}/scope", w => [w.Person]).Json(new { zones = Array.Empty<object>() })
            .Allowed(OwnCaseWorkers).Hidden(SiblingCaseWorkers),
    ];

    /// <summary>A person of Hoàn Kiếm; the national identity number decides whether it passes validation.</summary>
    private static object PersonBody(string nationalId) => new
    {
        fullName = "Trần Văn Thử",
        nationalId,
        dateOfBirth = new DateOnly(1990, 1, 1),
        sex = "male",
        group = "communityRehabilitation",
        residenceAddress = "Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội",
        communeCode = AuthorizationWorld.Commune,
    };
}
