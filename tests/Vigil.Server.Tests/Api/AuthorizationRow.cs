using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// One row of the authorization matrix: a request to one endpoint, and for every actor the class of answer
/// expected. An actor the row does not name is expected to be refused by role (403), or 401 when anonymous.
/// </summary>
public sealed partial class AuthorizationRow
{
    private readonly Dictionary<AuthorizationActor, AuthorizationOutcome> _expected = [];
    private readonly HashSet<AuthorizationActor> _notAsserted = [];
    private readonly Func<AuthorizationWorld, object[]> _arguments;
    private Func<AuthorizationWorld, HttpContent>? _body;
    private string _query = "";
    private string? _label;

    private AuthorizationRow(HttpMethod method, string route, Func<AuthorizationWorld, object[]>? arguments)
    {
        Method = method;
        Route = route;
        _arguments = arguments ?? (_ => []);
    }

    public HttpMethod Method { get; }

    /// <summary>The route pattern as the server maps it, e.g. <c>/api/v1/decisions/{id:guid}/sign</c>.</summary>
    public string Route { get; }

    /// <summary>An If-Match header that never matches: state changes stop with 412 once past authorization.</summary>
    public string? IfMatch { get; private set; }

    /// <summary>What a 2xx answer contains when the caller sees the target (an id); absent when it was filtered out.</summary>
    public Func<AuthorizationWorld, object>? Marker { get; private set; }

    /// <summary>Where the server disagrees with a cell today; shown next to that row's failures.</summary>
    public string? KnownBug { get; private set; }

    public static AuthorizationRow Get(string route, Func<AuthorizationWorld, object[]>? arguments = null) => new(HttpMethod.Get, route, arguments);

    public static AuthorizationRow Post(string route, Func<AuthorizationWorld, object[]>? arguments = null) => new(HttpMethod.Post, route, arguments);

    public static AuthorizationRow Put(string route, Func<AuthorizationWorld, object[]>? arguments = null) => new(HttpMethod.Put, route, arguments);

    public AuthorizationRow Json(object body) => Json(_ => body);

    public AuthorizationRow Json(Func<AuthorizationWorld, object> body)
    {
        _body = w => JsonContent.Create(body(w), options: VigilFixture.Json);
        return this;
    }

    public AuthorizationRow Csv(string text)
    {
        _body = _ => new StringContent(text, Encoding.UTF8, "text/csv");
        return this;
    }

    public AuthorizationRow Query(string query)
    {
        _query = "?" + query;
        return this;
    }

    public AuthorizationRow Labelled(string label)
    {
        _label = label;
        return this;
    }

    public AuthorizationRow StaleIfMatch()
    {
        IfMatch = "\"-1\"";
        return this;
    }

    public AuthorizationRow Showing(Func<AuthorizationWorld, object> marker)
    {
        Marker = marker;
        return this;
    }

    public AuthorizationRow Bug(string description)
    {
        KnownBug = description;
        return this;
    }

    public AuthorizationRow Allowed(params AuthorizationActor[] actors) => Expect(AuthorizationOutcome.Allowed, actors);

    public AuthorizationRow Filtered(params AuthorizationActor[] actors) => Expect(AuthorizationOutcome.Filtered, actors);

    public AuthorizationRow Outside(params AuthorizationActor[] actors) => Expect(AuthorizationOutcome.OutsideJurisdiction, actors);

    public AuthorizationRow Hidden(params AuthorizationActor[] actors) => Expect(AuthorizationOutcome.Hidden, actors);

    public AuthorizationRow Unauthenticated(params AuthorizationActor[] actors) => Expect(AuthorizationOutcome.Unauthenticated, actors);

    /// <summary>Cells whose right answer is not settled yet: not sent; the row's comment says why.</summary>
    public AuthorizationRow NotAsserted(params AuthorizationActor[] actors)
    {
        _notAsserted.UnionWith(actors);
        return this;
    }

    /// <summary>The expected class for the actor; null when the cell is not asserted.</summary>
    public AuthorizationOutcome? Expected(AuthorizationActor actor) =>
        _notAsserted.Contains(actor) ? null
        : _expected.TryGetValue(actor, out var outcome) ? outcome
        : actor == AuthorizationActor.Anonymous ? AuthorizationOutcome.Unauthenticated
        : AuthorizationOutcome.Forbidden;

    /// <summary>"POST /persons/{id}/records/warning (label)": ids stay placeholders, other route values are shown.</summary>
    public string Name(AuthorizationWorld world)
    {
        var values = _arguments(world);
        var index = 0;
        var path = Placeholder().Replace(Route, m => values[index++] is Guid ? $"{{{m.Groups["name"].Value}}}" : Text(values[index - 1]))
            .Replace("/api/v1", "", StringComparison.Ordinal);
        return $"{Method} {path}{_query}{(_label is null ? "" : $" ({_label})")}";
    }

    public HttpRequestMessage Request(AuthorizationWorld world)
    {
        var values = _arguments(world);
        var index = 0;
        var url = Placeholder().Replace(Route, _ => Uri.EscapeDataString(Text(values[index++]))) + _query;
        var request = new HttpRequestMessage(Method, url) { Content = _body?.Invoke(world) };
        if (IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        }

        return request;
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private AuthorizationRow Expect(AuthorizationOutcome outcome, AuthorizationActor[] actors)
    {
        foreach (var actor in actors)
        {
            _expected[actor] = outcome;
        }

        return this;
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:\w+)?\}")]
    private static partial Regex Placeholder();
}
