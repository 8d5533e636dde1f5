using Vigil.Server.Api;
using Vigil.Server.Audit;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// Every bad request of the BadInput suites, one after the other on one server: afterwards it still answers
/// normally, the records they aimed at still read, good writes still go through and the audit chain verifies.
/// </summary>
public abstract class BadInputResilienceTests(VigilFixture fixture)
{
    public static IEnumerable<BadRequest> All =>
    [
        .. BadInputPersonTests.Cases, .. BadInputDateTests.Cases, .. BadInputZoneTests.Cases, .. BadInputHotspotTests.Cases,
        .. BadInputHotspotTests.Imports, .. BadInputIdTests.Cases, .. BadInputQueryTests.Cases, .. BadInputProtocolTests.Cases,
    ];

    [Fact]
    public async Task EveryBadRequest_ThenNormalRequests_ServerStillAnswers()
    {
        var session = await BadInputSession.ForAsync(fixture);
        var before = await Expect.Json<PageOf<PersonSummary>>(await session.Officer.GetAsync("/api/v1/persons?pageSize=200"));
        var serverErrors = new List<string>();
        foreach (var bad in All)
        {
            var response = await bad.Send(session);
            if ((int)response.StatusCode >= 500)
            {
                serverErrors.Add($"{bad.Name}: {(int)response.StatusCode}");
            }
        }

        await Expect.Status(await session.Anonymous.GetAsync("/health"), 200);
        var after = await Expect.Json<PageOf<PersonSummary>>(await session.Officer.GetAsync("/api/v1/persons?pageSize=200"));
        Assert.Contains(after.Items, p => p.Id == session.Person.Id);
        Assert.True(after.Total >= before.Total);
        await Expect.Status(await session.Officer.GetAsync($"/api/v1/persons/{session.Person.Id}"), 200);
        await Expect.Status(await session.Officer.GetAsync($"/api/v1/persons/{session.Person.Id}/decisions"), 200);
        await Expect.Status(await session.Officer.GetAsync($"/api/v1/persons/{session.Person.Id}/scope"), 200);
        await Expect.Status(await session.Officer.GetAsync($"/api/v1/persons/{session.Person.Id}/records"), 200);
        await Expect.Status(await session.Analyst.GetAsync("/api/v1/hotspots?pageSize=200"), 200);
        await Expect.Status(await session.Logistics.GetAsync("/api/v1/devices"), 200);

        // Writes and log-ins still work, and the bad requests left the audit chain intact.
        var created = await session.Officer.CreatePersonAsync("00070", session.Today.AddYears(-29));
        await Expect.Status(await session.Officer.GetAsync($"/api/v1/persons/{created.Id}"), 200);
        await Expect.Status(await (await fixture.LogInAsync("hk.officer2")).GetAsync("/api/v1/auth/me"), 200);
        var verification = await Expect.Json<AuditVerification>(await session.Admin.GetAsync("/api/v1/audit/verify"));
        Assert.True(verification.Valid, verification.Reason);

        Assert.True(serverErrors.Count == 0, $"Bad input must never be a 5xx; these were: {string.Join("; ", serverErrors)}");
    }
}

public sealed class SqliteBadInputResilienceTests(SqliteFixture fixture) : BadInputResilienceTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresBadInputResilienceTests(PostgresFixture fixture) : BadInputResilienceTests(fixture), IClassFixture<PostgresFixture>;
