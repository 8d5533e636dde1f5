using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Domain.Identity;
using Vigil.Domain.Scope;
using Vigil.Simulator.Model;

namespace Vigil.Simulator.Live;

/// <summary>
/// An officer logged in to a running Vigil through its public API (password, then the TOTP code), with the reads
/// the <c>fleet</c> command needs: who wears which band, where they live, which zones are in force, and the alert counts.
/// </summary>
public sealed class OfficerSession : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private readonly HttpClient _http;

    private OfficerSession(HttpClient http) => _http = http;

    /// <summary>Logs in as <paramref name="officer"/>; a refused step throws <see cref="InvalidOperationException"/> with the server's answer.</summary>
    public static async Task<OfficerSession> LogInAsync(Uri server, DemoOfficer officer, TimeProvider clock, CancellationToken ct)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var first = await ReadAsync<LogIn>(await http.PostAsJsonAsync("api/v1/auth/login", new { officer.Username, officer.Password }, Json, ct), "log-in", ct);
            var token = first.AccessToken;
            if (first.SecondFactorRequired)
            {
                var code = Totp.Code(officer.TotpSecret, clock.GetUtcNow());
                var second = await http.PostAsJsonAsync("api/v1/auth/second-factor", new { first.SecondFactorToken, code }, Json, ct);
                token = (await ReadAsync<LogIn>(second, "second factor", ct)).AccessToken;
            }

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                token ?? throw new InvalidOperationException($"Log-in as {officer.Username} gave no access token."));
            return new OfficerSession(http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>The wearer of <paramref name="device"/> as registered: residence and the zones in force now; null when the person has no residence position.</summary>
    public async Task<RegisteredWearer?> WearerAsync(DemoDevice device, CancellationToken ct)
    {
        var personId = device.PersonId ?? throw new ArgumentException($"Device {device.DeviceId} is on nobody.", nameof(device));
        var person = await ReadAsync<Person>(await _http.GetAsync($"api/v1/persons/{personId}", ct), $"person {personId}", ct);
        if (person.ResidenceLat is not { } lat || person.ResidenceLon is not { } lon)
        {
            return null;
        }

        var scope = await ReadAsync<Scope>(await _http.GetAsync($"api/v1/persons/{personId}/scope", ct), $"scope of {personId}", ct);
        var zones = scope.Zones.Select(z => new RegisteredZone(z.Kind, z.Geometry?.GetRawText(), z.Circle?.Lat, z.Circle?.Lon, z.Circle?.RadiusMeters)).ToList();
        return new RegisteredWearer(device.DeviceId, device.Secret, person.Id, person.CommuneCode, new GeoPoint(lat, lon), zones);
    }

    /// <summary>Unresolved alerts in the officer's jurisdiction (<c>GET /alerts/counts</c>).</summary>
    public async Task<AlertCounts> AlertCountsAsync(CancellationToken ct) =>
        await ReadAsync<AlertCounts>(await _http.GetAsync("api/v1/alerts/counts", ct), "alert counts", ct);

    public void Dispose() => _http.Dispose();

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what, CancellationToken ct)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {response.ReasonPhrase} {body}".TrimEnd());
            }

            return await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw new InvalidOperationException($"{what}: empty answer.");
        }
    }

    private sealed record LogIn(string? AccessToken, bool SecondFactorRequired, string? SecondFactorToken);

    private sealed record Person(Guid Id, string CommuneCode, double? ResidenceLat, double? ResidenceLon);

    private sealed record Circle(double Lat, double Lon, double RadiusMeters);

    private sealed record Zone(ZoneKind Kind, JsonElement? Geometry, Circle? Circle);

    private sealed record Scope(IReadOnlyList<Zone> Zones);
}

/// <summary>Alerts by state, as <c>GET /alerts/counts</c> answers.</summary>
public sealed record AlertCounts(int Open, int Acknowledged, int Resolved, int Escalated);
