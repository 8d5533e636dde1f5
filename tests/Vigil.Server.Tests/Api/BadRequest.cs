using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// One bad request and what the server must answer. The suites run each as a theory case by name; the
/// resilience test sends them all to one server.
/// </summary>
/// <param name="Name">Unique within its suite; shown as the theory case.</param>
/// <param name="Send">Sends the request on the session's clients.</param>
/// <param name="Check">Asserts the answer.</param>
public sealed record BadRequest(string Name, Func<BadInputSession, Task<HttpResponseMessage>> Send, Func<HttpResponseMessage, Task> Check)
{
    /// <summary>A request answered by a problem with <paramref name="status"/>, naming <paramref name="field"/>, with <paramref name="code"/>.</summary>
    public static BadRequest Problem(string name, int status, string? field, string? code, Func<BadInputSession, Task<HttpResponseMessage>> send) =>
        new(name, send, response => RawRequests.Problem(response, status, field, code));

    /// <summary>The names of <paramref name="cases"/>, for <c>MemberData</c>; a duplicate name is a mistake in the suite.</summary>
    public static TheoryData<string> Names(IReadOnlyList<BadRequest> cases)
    {
        var duplicate = cases.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? new TheoryData<string>(cases.Select(c => c.Name))
            : throw new InvalidOperationException($"Two cases are named '{duplicate.Key}'.");
    }

    /// <summary>Sends the case called <paramref name="name"/> and checks the answer.</summary>
    public static async Task RunAsync(IReadOnlyList<BadRequest> cases, string name, VigilFixture fixture)
    {
        var session = await BadInputSession.ForAsync(fixture);
        var bad = cases.Single(c => c.Name == name);
        await bad.Check(await bad.Send(session));
    }

    public override string ToString() => Name;
}
