using System.Net.Http.Json;
using System.Text.Json;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>Assertions on HTTP answers whose failure messages show the body, so a failing test says why.</summary>
public static class Expect
{
    public static async Task<HttpResponseMessage> Status(HttpResponseMessage response, int expected)
    {
        if ((int)response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {expected}, got {(int)response.StatusCode}: {body}");
        }

        return response;
    }

    public static async Task<T> Json<T>(HttpResponseMessage response, int expected = 200)
    {
        await Status(response, expected);
        return (await response.Content.ReadFromJsonAsync<T>(VigilFixture.Json))!;
    }

    /// <summary>A problem-details answer with the given status that names <paramref name="field"/>.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, int expected, string? field = null)
    {
        await Status(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
                $"Expected the problem to name '{field}': {problem}");
        }

        return problem;
    }
}
