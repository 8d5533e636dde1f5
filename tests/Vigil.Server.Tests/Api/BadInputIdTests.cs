using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// Ids that name nothing: a random GUID in the route is a 404 problem naming <c>id</c>; a malformed one does not
/// match the route (404, never a 500); an unknown kind is a 404 naming <c>kind</c>; an unknown id inside a body
/// names its own field.
/// </summary>
public abstract class BadInputIdTests(VigilFixture fixture)
{
    private const string Scope = """{"zones":[{"kind":"residence","name":"Nhà","circle":{"lat":21.034,"lon":105.852,"radiusMeters":150}}]}""";

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        // People and what hangs on them.
        Unknown("GET person", s => s.Officer.GetAsync($"/api/v1/persons/{Guid.NewGuid()}")),
        Unknown("PUT person", s => s.Officer.PutJson($"/api/v1/persons/{Guid.NewGuid()}", RawRequests.Patched(s.NewPerson(), "{}"), "\"1\"")),
        Unknown("POST guardian", s => s.Officer.PostJson($"/api/v1/persons/{Guid.NewGuid()}/guardians",
            """{"fullName":"Lê Thị Mẹ","relationship":"Mẹ","phone":"0987654321"}""")),
        Unknown("POST wearer account", s => s.Officer.PostJson($"/api/v1/persons/{Guid.NewGuid()}/account", """{"username":"khong.ai"}""")),
        BadRequest.Problem("POST account of an unknown guardian", 404, "guardianId", "not-found",
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/guardians/{Guid.NewGuid()}/account", """{"username":"khong.ai"}""")),
        Unknown("GET decisions of a person", s => s.Officer.GetAsync($"/api/v1/persons/{Guid.NewGuid()}/decisions")),
        Unknown("POST decision for a person", s => s.Officer.PostJson($"/api/v1/persons/{Guid.NewGuid()}/decisions", """{"durationMonths":12,"startDate":"2026-12-01"}""")),
        Unknown("GET scope", s => s.Officer.GetAsync($"/api/v1/persons/{Guid.NewGuid()}/scope")),
        Unknown("GET scope versions", s => s.Officer.GetAsync($"/api/v1/persons/{Guid.NewGuid()}/scope/versions")),
        Unknown("POST scope", s => s.Officer.PostJson($"/api/v1/persons/{Guid.NewGuid()}/scope", Scope)),
        Unknown("GET records", s => s.Officer.GetAsync($"/api/v1/persons/{Guid.NewGuid()}/records")),
        Unknown("POST record", s => s.Officer.PostJson($"/api/v1/persons/{Guid.NewGuid()}/records/warning", """{"reason":"Về muộn"}""")),
        Unknown("GET requests of a person", s => s.Officer.GetAsync($"/api/v1/persons/{Guid.NewGuid()}/requests")),
        Unknown("POST request", s => s.Officer.PostJson($"/api/v1/persons/{Guid.NewGuid()}/requests/malfunction-report", """{"reason":"Hỏng"}""")),

        // Decisions.
        Unknown("GET decision", s => s.Officer.GetAsync($"/api/v1/decisions/{Guid.NewGuid()}")),
        Unknown("PUT decision", s => s.Officer.PutJson($"/api/v1/decisions/{Guid.NewGuid()}", """{"durationMonths":12,"startDate":"2026-12-01"}""", "\"1\"")),
        Unknown("sign decision", s => s.Chief.PostAsync($"/api/v1/decisions/{Guid.NewGuid()}/sign", null)),
        Unknown("activate decision", s => s.Officer.PostAsync($"/api/v1/decisions/{Guid.NewGuid()}/activate", null)),
        Unknown("suspend decision", s => s.Chief.PostJson($"/api/v1/decisions/{Guid.NewGuid()}/suspend", """{"reason":"travelAbroad"}""")),
        Unknown("resume decision", s => s.Chief.PostJson($"/api/v1/decisions/{Guid.NewGuid()}/resume", "{}")),
        Unknown("end decision", s => s.Chief.PostJson($"/api/v1/decisions/{Guid.NewGuid()}/end", "{}")),

        // Devices and proposals.
        Unknown("GET device", s => s.Logistics.GetAsync($"/api/v1/devices/{Guid.NewGuid()}")),
        Unknown("provision device", s => s.Logistics.PostAsync($"/api/v1/devices/{Guid.NewGuid()}/provision", null)),
        Unknown("set device status", s => s.Logistics.PostJson($"/api/v1/devices/{Guid.NewGuid()}/status", """{"status":"inRepair"}""")),
        Unknown("allocate to a proposal", s => s.Logistics.PostJson($"/api/v1/device-proposals/{Guid.NewGuid()}/allocate", """{"count":1}""")),
        Unknown("refuse a proposal", s => s.Logistics.PostJson($"/api/v1/device-proposals/{Guid.NewGuid()}/refuse", """{"count":0,"note":"Hết hàng"}""")),

        // Requests, hotspots, users, notifications, provinces.
        Unknown("GET request", s => s.Officer.GetAsync($"/api/v1/requests/{Guid.NewGuid()}")),
        Unknown("approve request", s => s.Officer.PostJson($"/api/v1/requests/{Guid.NewGuid()}/approve", "{}")),
        Unknown("refuse request", s => s.Officer.PostJson($"/api/v1/requests/{Guid.NewGuid()}/refuse", """{"note":"Không"}""")),
        Unknown("withdraw request", s => s.Officer.PostAsync($"/api/v1/requests/{Guid.NewGuid()}/withdraw", null)),
        Unknown("GET hotspot", s => s.Analyst.GetAsync($"/api/v1/hotspots/{Guid.NewGuid()}")),
        Unknown("PUT hotspot", s => s.Analyst.PutJson($"/api/v1/hotspots/{Guid.NewGuid()}",
            """{"name":"Karaoke","category":"karaoke","circle":{"lat":21.03,"lon":105.85,"radiusMeters":60}}""", "\"1\"")),
        Unknown("unlock user", s => s.Admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/unlock", null)),
        Unknown("disable user", s => s.Admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/disable", null)),
        Unknown("reset a user's second factor", s => s.Admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/second-factor/reset", null)),
        Unknown("mark a notification read", s => s.Officer.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)),
        BadRequest.Problem("communes of an unknown province", 404, "code", "not-found", s => s.Officer.GetAsync("/api/v1/provinces/99/communes")),

        // Malformed ids do not match a route: 404, not a 500.
        Malformed("GET person 'not-a-guid'", s => s.Officer.GetAsync("/api/v1/persons/not-a-guid")),
        Malformed("PUT decision '12345'", s => s.Officer.PutJson("/api/v1/decisions/12345", """{"durationMonths":12,"startDate":"2026-12-01"}""", "\"1\"")),
        Malformed("GET device with a truncated guid", s => s.Logistics.GetAsync($"/api/v1/devices/{Guid.NewGuid().ToString()[..35]}")),
        Malformed("approve request with a guid and more", s => s.Officer.PostJson($"/api/v1/requests/{Guid.NewGuid()}0/approve", "{}")),
        Malformed("GET hotspot with braces and spaces", s => s.Analyst.GetAsync("/api/v1/hotspots/%7B%20%7D")),

        // Unknown kinds in the route.
        BadRequest.Problem("record kind 'teleportation'", 404, "kind", "not-found",
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/records/teleportation", """{"reason":"x"}""")),
        BadRequest.Problem("record kind in PascalCase", 404, "kind", "not-found",
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/records/Attachment", """{"position":"leftWrist"}""")),
        BadRequest.Problem("request kind 'teleport'", 404, "kind", "not-found",
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/requests/teleport", """{"reason":"Muốn đi xa"}""")),

        // Unknown ids inside a body name their own field.
        BadRequest.Problem("attachment of an unknown device", 404, "deviceId", "not-found",
            async s => await s.Officer.PostJson($"/api/v1/persons/{await s.SignedPersonAsync()}/records/attachment",
                $$"""{"deviceId":"{{Guid.NewGuid()}}","position":"leftWrist"}""")),
        BadRequest.Problem("attachment without a device", 400, "deviceId", "required",
            async s => await s.Officer.PostJson($"/api/v1/persons/{await s.SignedPersonAsync()}/records/attachment", """{"position":"leftWrist"}""")),
        BadRequest.Problem("removal carrying an unknown request", 400, "requestId", "unknown-request",
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/records/temporary-removal", $$"""{"requestId":"{{Guid.NewGuid()}}"}""")),
        BadRequest.Problem("correction of an unknown record", 400, "correctsRecordId", "unknown-record",
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/records/warning", $$"""{"reason":"Sửa","correctsRecordId":"{{Guid.NewGuid()}}"}""")),
        BadRequest.Problem("departure without its request", 400, "requestId", "required",
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/records/residence-departure", "{}")),
        BadRequest.Problem("arrival carrying an unknown request", 404, "requestId", "not-found",
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/records/residence-arrival", $$"""{"requestId":"{{Guid.NewGuid()}}"}""")),
        BadRequest.Problem("move to an unknown commune", 400, "toCommuneCode", "unknown-commune",
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/requests/residence-change", """{"reason":"Chuyển nhà","toCommuneCode":"99999","newAddress":"Số 9"}""")),
        BadRequest.Problem("decision naming an unknown officer", 400, "managingOfficerId", "not-an-officer-of-the-commune",
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/decisions", $$"""{"durationMonths":12,"startDate":"2026-12-01","managingOfficerId":"{{Guid.NewGuid()}}"}""")),
        BadRequest.Problem("user in an unknown unit", 400, "unitId", "unknown-unit",
            s => s.Admin.PostJson("/api/v1/users", $$"""{"username":"{{Username()}}","displayName":"Thử","role":"managingOfficer","unitId":"{{Guid.NewGuid()}}"}""")),
        BadRequest.Problem("user with an unknown role", 400, "role", "malformed-body",
            s => s.Admin.PostJson("/api/v1/users", $$"""{"username":"{{Username()}}","displayName":"Thử","role":"emperor","unitId":"{{Guid.NewGuid()}}"}""")),
        BadRequest.Problem("user without a role", 400, "role", null,
            async s => await s.Admin.PostJson("/api/v1/users", $$"""{"username":"{{Username()}}","displayName":"Thử","unitId":"{{(await s.Admin.MeAsync()).Unit!.Id}}"}""")),
        BadRequest.Problem("unit in an unknown commune", 400, "communeCode", "unknown-commune",
            s => s.Admin.PostJson("/api/v1/units", """{"name":"Công an phường Thử","level":"commune","communeCode":"99999"}""")),
        BadRequest.Problem("unit in an unknown province", 400, "provinceCode", "unknown-province",
            s => s.Admin.PostJson("/api/v1/units", """{"name":"PC04 Thử","level":"provincial","provinceCode":"99"}""")),
        BadRequest.Problem("unit without a level", 400, "level", null, s => s.Admin.PostJson("/api/v1/units", """{"name":"Đơn vị không cấp"}""")),
        BadRequest.Problem("device held by an unknown unit", 400, "holdingUnitId", "outside-jurisdiction",
            s => s.Logistics.PostJson("/api/v1/devices", $$"""{"serial":"BAD-UNIT","imei":"860000000000099","model":"Vigil Band 1","firmware":"1.4.2","holdingUnitId":"{{Guid.NewGuid()}}"}""")),
        BadRequest.Problem("device with a short IMEI", 400, "imei", "invalid-imei",
            s => s.Logistics.PostJson("/api/v1/devices", """{"serial":"BAD-IMEI","imei":"8600","model":"Vigil Band 1","firmware":"1.4.2"}""")),
        BadRequest.Problem("device id with a slash", 400, "deviceId", "invalid-device-id",
            s => s.Logistics.PostJson("/api/v1/devices", """{"deviceId":"VG/1","serial":"BAD-ID","imei":"860000000000098","model":"Vigil Band 1","firmware":"1.4.2"}""")),
    ];

    public static TheoryData<string> Names => BadRequest.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public Task Send_UnknownOrMalformedId_ProblemNamesTheId(string name) => BadRequest.RunAsync(Cases, name, fixture);

    private static string Username() => $"bad.{Guid.NewGuid():N}";

    private static BadRequest Unknown(string name, Func<BadInputSession, Task<HttpResponseMessage>> send) =>
        BadRequest.Problem($"{name}: unknown id", 404, "id", "not-found", send);

    private static BadRequest Malformed(string name, Func<BadInputSession, Task<HttpResponseMessage>> send) =>
        BadRequest.Problem(name, 404, null, null, send);
}

public sealed class SqliteBadInputIdTests(SqliteFixture fixture) : BadInputIdTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresBadInputIdTests(PostgresFixture fixture) : BadInputIdTests(fixture), IClassFixture<PostgresFixture>;
