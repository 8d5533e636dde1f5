using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Vigil.Server.Api;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// Bad input around the body rather than in it: log-in fields, bodies over the size limit, a body that is not
/// declared as JSON, and edits without (or with a stale) If-Match.
/// </summary>
public abstract class BadInputProtocolTests(VigilFixture fixture)
{
    private const int OverOneMebibyte = (1024 * 1024) + 1;

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        // Log-in.
        LogIn("empty username", """{"username":"","password":"x"}""", 400, "username", "required"),
        LogIn("password missing", """{"username":"hn.supervisor"}""", 400, "password", "required"),
        LogIn("username of 65 characters", $$"""{"username":"{{new string('u', 65)}}","password":"x"}""", 400, "username", "too-long"),
        LogIn("username a number", """{"username":5,"password":"x"}""", 400, "username", "malformed-body"),
        LogIn("wrong password", """{"username":"hn.supervisor","password":"not the password"}""", 401, null, "invalid-credentials"),
        LogIn("unknown user", """{"username":"nobody.here","password":"not the password"}""", 401, null, "invalid-credentials"),
        BadRequest.Problem("second factor with a forged token", 401, null, "second-factor-expired",
            s => s.Anonymous.PostJson("/api/v1/auth/second-factor", """{"secondFactorToken":"eyJhbGciOiJub25lIn0.e30.","code":"123456"}""")),
        BadRequest.Problem("second factor without a code", 400, "code", "required",
            s => s.Anonymous.PostJson("/api/v1/auth/second-factor", """{"secondFactorToken":"x"}""")),
        BadRequest.Problem("password change with a wrong current password", 400, "currentPassword", "wrong-password",
            s => s.Logistics.PostJson("/api/v1/auth/password", """{"currentPassword":"wrong wrong","newPassword":"a long enough password"}""")),
        BadRequest.Problem("password change to a short password", 400, "newPassword", "too-short",
            s => s.Logistics.PostJson("/api/v1/auth/password",
                $$"""{"currentPassword":"{{s.Fixture.Officer("hn.logistics").Password}}","newPassword":"short"}""")),

        // Bodies over 1 MiB: refused before they are read, signed in or not.
        TooLarge("person over 1 MiB", s => s.Officer, "/api/v1/persons"),
        TooLarge("anonymous log-in over 1 MiB", s => s.Anonymous, "/api/v1/auth/login"),
        TooLarge("scope over 1 MiB", s => s.Officer, "/api/v1/persons/00000000-0000-0000-0000-000000000001/scope"),
        TooLarge("hotspot over 1 MiB", s => s.Analyst, "/api/v1/hotspots"),

        // A body that is not declared as JSON.
        BadRequest.Problem("person sent as text/plain", 415, "Content-Type", null,
            s => s.Officer.PostAsync("/api/v1/persons", RawRequests.Body(RawRequests.Patched(s.NewPerson(), "{}"), "text/plain"))),
        BadRequest.Problem("person sent as a form", 415, "Content-Type", null,
            s => s.Officer.PostAsync("/api/v1/persons", new FormUrlEncodedContent([new("fullName", "Trần Văn Thử")]))),

        // Optimistic concurrency: an edit must send back the version it read.
        BadRequest.Problem("person edit without If-Match", 428, "If-Match", "version-mismatch",
            s => s.Officer.PutJson($"/api/v1/persons/{s.Person.Id}", RawRequests.Patched(s.NewPerson(), "{}"), null)),
        BadRequest.Problem("person edit with a stale If-Match", 412, "If-Match", "version-mismatch",
            s => s.Officer.PutJson($"/api/v1/persons/{s.Person.Id}", RawRequests.Patched(s.NewPerson(), "{}"), "\"999999\"")),
        BadRequest.Problem("person edit with a garbage If-Match", 412, "If-Match", "version-mismatch",
            s => s.Officer.PutJson($"/api/v1/persons/{s.Person.Id}", RawRequests.Patched(s.NewPerson(), "{}"), "yesterday's")),
        BadRequest.Problem("decision revision without If-Match", 428, "If-Match", "version-mismatch", async s =>
        {
            var draft = await s.Officer.DraftDecisionAsync(s.Person.Id, s.Today);
            return await s.Officer.PutJson($"/api/v1/decisions/{draft.Id}", """{"durationMonths":24,"startDate":"2026-12-01"}""", null);
        }),
        BadRequest.Problem("hotspot edit without If-Match", 428, "If-Match", "version-mismatch", async s =>
        {
            const string hotspot = """{"name":"Karaoke Sửa","category":"karaoke","circle":{"lat":21.03,"lon":105.85,"radiusMeters":60}}""";
            var created = await Expect.Json<HotspotDto>(await s.Analyst.PostJson("/api/v1/hotspots", hotspot), 201);
            return await s.Analyst.PutJson($"/api/v1/hotspots/{created.Id}", hotspot, null);
        }),
        BadRequest.Problem("device status without If-Match", 428, "If-Match", "version-mismatch", async s =>
        {
            var stock = await Expect.Json<PageOf<DeviceDto>>(await s.Logistics.GetAsync("/api/v1/devices?status=inStock"));
            return await s.Logistics.PostJson($"/api/v1/devices/{stock.Items[0].Id}/status", """{"status":"inRepair"}""");
        }),
        BadRequest.Problem("device status missing", 400, "status", null, async s =>
        {
            var stock = await Expect.Json<PageOf<DeviceDto>>(await s.Logistics.GetAsync("/api/v1/devices?status=inStock"));
            var device = await s.Logistics.GetAsync($"/api/v1/devices/{stock.Items[^1].Id}");
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/{stock.Items[^1].Id}/status") { Content = RawRequests.Body("{}") };
            request.Headers.IfMatch.Add(device.Headers.ETag!);
            return await s.Logistics.SendAsync(request);
        }),
    ];

    public static TheoryData<string> Names => BadRequest.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public Task Send_BadEnvelope_ProblemSaysWhy(string name) => BadRequest.RunAsync(Cases, name, fixture);

    [Fact]
    public async Task UpdatePerson_CurrentETag_SucceedsWithNewETagAndTheOldOneIsStale()
    {
        var session = await BadInputSession.ForAsync(fixture);
        var person = await session.Officer.CreatePersonAsync("00070", session.Today.AddYears(-33));
        var read = await Expect.Status(await session.Officer.GetAsync($"/api/v1/persons/{person.Id}"), 200);
        var etag = read.Headers.ETag!.Tag;
        var body = RawRequests.Patched(person, """{"fullName":"Trần Văn Sửa","phone":"0912000111"}""");

        var updated = await Expect.Status(await session.Officer.PutJson($"/api/v1/persons/{person.Id}", body, etag), 200);
        var newEtag = updated.Headers.ETag!.Tag;
        Assert.NotEqual(etag, newEtag);
        Assert.Equal("Trần Văn Sửa", (await Expect.Json<PersonDto>(updated)).FullName);

        await RawRequests.Problem(await session.Officer.PutJson($"/api/v1/persons/{person.Id}", body, etag), 412, "If-Match", "version-mismatch");
        await Expect.Status(await session.Officer.PutJson($"/api/v1/persons/{person.Id}", body, $"W/{newEtag}"), 200);
    }

    [Fact]
    public async Task ImportHotspots_BodyOverOneMebibyte_TakenUnderItsOwnLimit()
    {
        var session = await BadInputSession.ForAsync(fixture);
        var padding = new string(' ', OverOneMebibyte);
        var body = $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Karaoke Lớn","category":"karaoke"},"geometry":{"type":"Point","coordinates":[105.851,21.031]}}]{{{padding}}}}""";
        var result = await Expect.Json<ImportResult>(await session.Analyst.PostJson("/api/v1/hotspots/import", body));
        Assert.Equal(1, result.Added);
    }

    /// <summary>
    /// The suites host the server as Development, where minimal APIs throw on a body they cannot bind and the
    /// problem handler names the field. In Production they must still do so, not answer a bare 400.
    /// </summary>
    [Fact]
    public async Task MalformedBody_InProduction_ProblemStillNamesTheField()
    {
        await using var production = fixture.Factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Demo:Enabled", "false");
        });
        var client = production.CreateClient();
        await RawRequests.Problem(await client.PostJson("/api/v1/auth/login", """{"username":5,"password":"x"}"""), 400, "username", "malformed-body");
        await RawRequests.Problem(await client.PostJson("/api/v1/auth/login", "not JSON"), 400, "body", "malformed-body");
    }

    private static BadRequest LogIn(string name, string body, int status, string? field, string code) =>
        BadRequest.Problem($"log-in: {name}", status, field, code, s => s.Anonymous.PostJson("/api/v1/auth/login", body));

    private static BadRequest TooLarge(string name, Func<BadInputSession, HttpClient> client, string url) =>
        BadRequest.Problem(name, 413, "body", "body-too-large", s =>
        {
            var content = new ByteArrayContent(new byte[OverOneMebibyte]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return client(s).PostAsync(url, content);
        });
}

public sealed class SqliteBadInputProtocolTests(SqliteFixture fixture) : BadInputProtocolTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresBadInputProtocolTests(PostgresFixture fixture) : BadInputProtocolTests(fixture), IClassFixture<PostgresFixture>;
