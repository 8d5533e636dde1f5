using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// The issue's authorization matrix: every endpoint, called by each role from its own unit, from a sibling unit,
/// and anonymously — proving that no data crosses a jurisdiction. All cells run; the failure lists every cell
/// that answered otherwise, not just the first.
/// </summary>
public abstract class AuthorizationMatrixTests(VigilFixture fixture)
{
    [Fact]
    public async Task EveryEndpoint_EveryActor_AnswersAsRoleAndJurisdictionAllow()
    {
        var world = await AuthorizationWorld.CreateAsync(fixture);
        var failures = new List<string>();
        var cells = 0;
        foreach (var row in AuthorizationMatrix.Rows())
        {
            foreach (var actor in Enum.GetValues<AuthorizationActor>())
            {
                if (row.Expected(actor) is not { } expected)
                {
                    continue;
                }

                cells++;
                using var request = row.Request(world);
                using var response = await world.Client(actor).SendAsync(request);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var actual = Classify(status, body, row.Marker?.Invoke(world).ToString());
                if (actual != expected)
                {
                    var code = ProblemCode(body) is { } c ? $" {c}" : "";
                    var bug = row.KnownBug is null ? "" : $"  [known bug: {row.KnownBug}]";
                    failures.Add($"  {row.Name(world)} as {world.Username(actor)} ({actor}): expected {expected}, got {actual} ({status}{code}){bug}");
                }
            }
        }

        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cells} cells of the authorization matrix answered otherwise ({fixture.DatabaseName}):\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Matrix_CoversEveryApiEndpoint()
    {
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var served = endpoints
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalized(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        // A hub counts by its negotiate request (POST), the gate every client passes first. Its connection
        // endpoint answers any method and only with the connection token negotiate hands out, so it is no single
        // row: the same policy guards it, and LiveFeedTests connects through it.
        served.UnionWith(endpoints.Where(e => e.Metadata.GetMetadata<NegotiateMetadata>() is not null).Select(e => $"POST {Normalized(e.RoutePattern.RawText!)}"));
        var covered = AuthorizationMatrix.Rows().Select(r => $"{r.Method} {Normalized(r.Route)}").ToHashSet();

        Assert.NotEmpty(served);
        var missing = served.Except(covered).Order().ToList();
        Assert.True(missing.Count == 0, $"Endpoints without a row in the authorization matrix:\n  {string.Join("\n  ", missing)}");
        var unknown = covered.Except(served).Order().ToList();
        Assert.True(unknown.Count == 0, $"Matrix rows for routes the server does not map:\n  {string.Join("\n  ", unknown)}");
    }

    /// <summary>What class of answer a response is; see <see cref="AuthorizationOutcome"/>.</summary>
    private static AuthorizationOutcome Classify(int status, string body, string? marker) => status switch
    {
        StatusCodes.Status401Unauthorized => AuthorizationOutcome.Unauthenticated,
        StatusCodes.Status403Forbidden => AuthorizationOutcome.Forbidden,
        StatusCodes.Status404NotFound => AuthorizationOutcome.Hidden,
        StatusCodes.Status400BadRequest when ProblemCode(body) == "outside-jurisdiction" => AuthorizationOutcome.OutsideJurisdiction,
        >= 200 and < 300 => marker is null || body.Contains(marker, StringComparison.OrdinalIgnoreCase)
            ? AuthorizationOutcome.Allowed
            : AuthorizationOutcome.Filtered,
        StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict or StatusCodes.Status412PreconditionFailed
            or StatusCodes.Status428PreconditionRequired when marker is null => AuthorizationOutcome.Allowed,
        _ => AuthorizationOutcome.Unexpected,
    };

    private static string? ProblemCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>"/api/v1/users/" and "/api/v1/users" are one route.</summary>
    private static string Normalized(string route) => route.TrimEnd('/');
}

public sealed class SqliteAuthorizationMatrixTests(SqliteFixture fixture) : AuthorizationMatrixTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAuthorizationMatrixTests(PostgresFixture fixture) : AuthorizationMatrixTests(fixture), IClassFixture<PostgresFixture>;
