using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// Requests whose bodies are written by hand: the malformed, mistyped and incomplete inputs a typed client
/// would never produce.
/// </summary>
public static class RawRequests
{
    /// <summary>In a <see cref="Patched"/> patch, the value that removes the property instead of setting it.</summary>
    public const string Omit = "<omit>";

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, string json) =>
        client.PostAsync(url, Body(json));

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, string json, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Body(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static StringContent Body(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    /// <summary>
    /// <paramref name="valid"/> as JSON with each property of <paramref name="patch"/> set over it, or removed
    /// when its value is <see cref="Omit"/>: <c>Patched(person, """{"sex":"x","fullName":"&lt;omit&gt;"}""")</c>.
    /// </summary>
    public static string Patched(object valid, string patch)
    {
        var body = JsonSerializer.SerializeToNode(valid, VigilFixture.Json)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(patch)!.AsObject())
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && text == Omit)
            {
                body.Remove(name);
            }
            else
            {
                body[name] = value?.DeepClone();
            }
        }

        return body.ToJsonString();
    }

    /// <summary>A problem with the given status, naming <paramref name="field"/>, whose <c>code</c> is <paramref name="code"/> when given.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, int status, string? field, string? code)
    {
        var problem = await Expect.Problem(response, status, field);
        if (code is not null)
        {
            Assert.True(problem.TryGetProperty("code", out var actual) && actual.GetString() == code,
                $"Expected the problem's code to be '{code}': {problem}");
        }

        return problem;
    }
}
