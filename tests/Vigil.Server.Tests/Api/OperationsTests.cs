using System.Text.Json;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>What operators and integrators reach without logging in: health, the OpenAPI document and its page.</summary>
public abstract class OperationsTests(VigilFixture fixture)
{
    [Fact]
    public async Task Health_Anonymous_Healthy()
    {
        var response = await Expect.Status(await fixture.Anonymous().GetAsync("/health"), 200);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesEveryArea()
    {
        var document = JsonDocument.Parse(await fixture.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var expected in new[]
                 {
                     "/api/v1/auth/login", "/api/v1/persons", "/api/v1/decisions/{id}/sign", "/api/v1/persons/{id}/scope",
                     "/api/v1/devices/{id}/provision", "/api/v1/persons/{id}/records/{kind}", "/api/v1/requests/{id}/approve",
                     "/api/v1/hotspots/import", "/api/v1/audit/verify", "/api/v1/communes/import",
                 })
        {
            Assert.Contains(expected, paths);
        }
    }

    [Fact]
    public async Task ApiReferencePage_ServedLocally()
    {
        var page = await fixture.Anonymous().GetStringAsync("/scalar/");
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.", page, StringComparison.Ordinal);
        await Expect.Status(await fixture.Anonymous().GetAsync("/scalar/scalar.js"), 200);
    }

    [Fact]
    public async Task Api_Anonymous_Unauthorized()
    {
        await Expect.Status(await fixture.Anonymous().GetAsync("/api/v1/persons"), 401);
    }
}

public sealed class SqliteOperationsTests(SqliteFixture fixture) : OperationsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresOperationsTests(PostgresFixture fixture) : OperationsTests(fixture), IClassFixture<PostgresFixture>;
