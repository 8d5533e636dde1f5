using System.Text.Json;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>Query strings: paging out of range or not a number, unknown filter values — a 400 naming the parameter.</summary>
public abstract class BadInputQueryTests(VigilFixture fixture)
{
    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        Query("page 0", s => s.Officer, "/api/v1/persons?page=0", "page", "out-of-range"),
        Query("page -1", s => s.Officer, "/api/v1/persons?page=-1", "page", "out-of-range"),
        Query("page 'abc'", s => s.Officer, "/api/v1/persons?page=abc", "page", "bad-request"),
        Query("page beyond int", s => s.Officer, "/api/v1/persons?page=99999999999", "page", "bad-request"),
        Query("page given twice", s => s.Officer, "/api/v1/persons?page=1&page=2", "page", null),
        Query("pageSize 0", s => s.Officer, "/api/v1/persons?pageSize=0", "pageSize", "out-of-range"),
        Query("pageSize 1000", s => s.Officer, "/api/v1/persons?pageSize=1000", "pageSize", "out-of-range"),
        Query("pageSize 1.5", s => s.Officer, "/api/v1/persons?pageSize=1.5", "pageSize", "bad-request"),
        new BadRequest("page 2147483647", s => s.Officer.GetAsync("/api/v1/persons?page=2147483647"), EmptyPageOrProblemNamingPage),
        new BadRequest("last page of devices at the largest page size", s => s.Logistics.GetAsync("/api/v1/devices?page=2147483647&pageSize=200"),
            EmptyPageOrProblemNamingPage),
        Query("devices with status 'bogus'", s => s.Logistics, "/api/v1/devices?status=bogus", "status", "unknown-value"),
        Query("devices with status '1'", s => s.Logistics, "/api/v1/devices?status=1", "status", "unknown-value"),
        Query("devices with status 'inStock,retired'", s => s.Logistics, "/api/v1/devices?status=inStock,retired", "status", "unknown-value"),
        Query("devices with pageSize 201", s => s.Logistics, "/api/v1/devices?pageSize=201", "pageSize", "out-of-range"),
        Query("requests with status 'bogus'", s => s.Officer, "/api/v1/requests?status=bogus", "status", "unknown-value"),
        Query("hotspots with status 'bogus'", s => s.Analyst, "/api/v1/hotspots?status=bogus", "status", "unknown-value"),
        Query("audit for person 'abc'", s => s.Admin, "/api/v1/audit?personId=abc", "personId", "bad-request"),
        Query("audit page 0", s => s.Admin, "/api/v1/audit?page=0", "page", "out-of-range"),
        Query("provinces pageSize -5", s => s.Officer, "/api/v1/provinces?pageSize=-5", "pageSize", "out-of-range"),
        Query("communes page 'first'", s => s.Officer, "/api/v1/provinces/01/communes?page=first", "page", "bad-request"),
        Query("units pageSize 0", s => s.Officer, "/api/v1/units?pageSize=0", "pageSize", "out-of-range"),
        Query("users page 0", s => s.Admin, "/api/v1/users?page=0", "page", "out-of-range"),
        Query("proposals pageSize 500", s => s.Chief, "/api/v1/device-proposals?pageSize=500", "pageSize", "out-of-range"),
        Query("notifications page 'x'", s => s.Officer, "/api/v1/notifications?page=x", "page", "bad-request"),
    ];

    public static TheoryData<string> Names => BadRequest.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public Task List_BadQuery_ProblemNamesTheParameter(string name) => BadRequest.RunAsync(Cases, name, fixture);

    private static BadRequest Query(string name, Func<BadInputSession, HttpClient> client, string url, string field, string? code) =>
        BadRequest.Problem(name, 400, field, code, s => client(s).GetAsync(url));

    /// <summary>A page past the end is empty; refusing a page number that large is as good. Either way not a 500.</summary>
    private static async Task EmptyPageOrProblemNamingPage(HttpResponseMessage response)
    {
        if ((int)response.StatusCode == 400)
        {
            await Expect.Problem(response, 400, "page");
            return;
        }

        var page = await Expect.Json<JsonElement>(response);
        Assert.True(page.GetProperty("items").GetArrayLength() == 0, $"A page past the end must be empty: {page}");
    }
}

public sealed class SqliteBadInputQueryTests(SqliteFixture fixture) : BadInputQueryTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresBadInputQueryTests(PostgresFixture fixture) : BadInputQueryTests(fixture), IClassFixture<PostgresFixture>;
