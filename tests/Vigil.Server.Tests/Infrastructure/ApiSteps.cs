using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Server.Api;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>Small steps of the case workflow through the public API, shared by the suites.</summary>
public static class ApiSteps
{
    private static int _nationalIds = 100_000;

    public static string NewNationalId() =>
        $"0019{Interlocked.Increment(ref _nationalIds).ToString("D8", CultureInfo.InvariantCulture)}";

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, VigilFixture.Json);

    public static async Task<MeResponse> MeAsync(this HttpClient client) =>
        await Expect.Json<MeResponse>(await client.GetAsync("/api/v1/auth/me"));

    public static object PersonBody(string communeCode, DateOnly dateOfBirth, Guid? officer = null, object[]? guardians = null) => new
    {
        fullName = "Trần Văn Thử",
        nationalId = NewNationalId(),
        dateOfBirth,
        sex = "male",
        phone = "0912345678",
        group = "communityRehabilitation",
        residenceAddress = "Số 1 Hàng Bạc, Hoàn Kiếm, Hà Nội",
        residenceLat = 21.0340,
        residenceLon = 105.8520,
        communeCode,
        managingOfficerId = officer,
        guardians,
    };

    public static async Task<PersonDto> CreatePersonAsync(this HttpClient officer, string communeCode, DateOnly dateOfBirth, object[]? guardians = null)
    {
        var me = await officer.MeAsync();
        return await Expect.Json<PersonDto>(await officer.Post("/api/v1/persons", PersonBody(communeCode, dateOfBirth, me.Id, guardians)), 201);
    }

    public static async Task<DecisionDto> DraftDecisionAsync(this HttpClient officer, Guid personId, DateOnly start, int months = 12) =>
        await Expect.Json<DecisionDto>(await officer.Post($"/api/v1/persons/{personId}/decisions", new { durationMonths = months, startDate = start }), 201);

    /// <summary>A residence circle and a Mon–Fri 07:00–18:00 work polygon around central Hà Nội.</summary>
    public static object ScopeBody() => new
    {
        zones = new object[]
        {
            new { kind = "residence", name = "Nhà", circle = new { lat = 21.0340, lon = 105.8520, radiusMeters = 150 } },
            new
            {
                kind = "work",
                name = "Xưởng",
                geometry = JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[105.850,21.030],[105.853,21.030],[105.853,21.032],[105.850,21.032],[105.850,21.030]]]}""").RootElement,
                schedule = new[] { new { days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }, from = "07:00", to = "18:00" } },
            },
        },
        note = "Đăng ký ban đầu",
    };

    /// <summary>A person of the officer's commune with a signed, active decision and a registered scope.</summary>
    public static async Task<PersonDto> ActiveCaseAsync(this HttpClient officer, HttpClient chief, string communeCode, DateOnly today)
    {
        var person = await officer.CreatePersonAsync(communeCode, today.AddYears(-30));
        var decision = await officer.DraftDecisionAsync(person.Id, today);
        await Expect.Status(await chief.PostAsync($"/api/v1/decisions/{decision.Id}/sign", null), 200);
        await Expect.Status(await officer.PostAsync($"/api/v1/decisions/{decision.Id}/activate", null), 200);
        await Expect.Status(await officer.Post($"/api/v1/persons/{person.Id}/scope", ScopeBody()), 201);
        return person;
    }
}
