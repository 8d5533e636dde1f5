using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Vigil.Domain.Identity;
using Vigil.Domain.Rules;
using Vigil.Server.Api;
using Vigil.Server.Live;
using Vigil.Simulator.Live;

namespace Vigil.LoadHarness;

/// <summary>
/// An officer on the live feed (P3): logs in with password and TOTP, listens on /hubs/live, and times each tamper
/// message from its publish call to the "alert" push for the wearer.
/// </summary>
internal sealed class AlertProbe : IAsyncDisposable
{
    private static readonly string TamperRule = ApiNames.Of(RuleKind.Tamper);

    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<Guid, long> _pending = new();
    private readonly ConcurrentBag<double> _latenciesMs = [];
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _positions;

    private AlertProbe(HubConnection connection)
    {
        _connection = connection;
        _connection.On<LiveSubscription>("subscribed", _ => _subscribed.TrySetResult());
        _connection.On<LivePosition>("position", _ => Interlocked.Increment(ref _positions));
        _connection.On<LiveAlert>("alert", OnAlert);
    }

    public int Sent { get; private set; }

    public IReadOnlyCollection<double> LatenciesMs => _latenciesMs;

    public long Positions => Interlocked.Read(ref _positions);

    public static async Task<AlertProbe> ConnectAsync(int httpPort, DemoOfficer officer)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        using var http = new HttpClient { BaseAddress = baseAddress };
        var step1 = await Read(await http.PostAsJsonAsync("/api/v1/auth/login", new LogInRequest(officer.Username, officer.Password)));
        var step2 = await Read(await http.PostAsJsonAsync("/api/v1/auth/second-factor",
            new SecondFactorRequest(step1.SecondFactorToken!, Totp.Code(officer.TotpSecret, DateTimeOffset.UtcNow))));
        var token = step2.AccessToken ?? throw new InvalidOperationException($"{officer.Username} got no access token.");
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, LiveHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var probe = new AlertProbe(connection);
        await connection.StartAsync();
        await probe._subscribed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        return probe;
    }

    /// <summary>Call just before publishing the tamper message of <paramref name="personId"/>.</summary>
    public void Expect(Guid personId)
    {
        _pending[personId] = Stopwatch.GetTimestamp();
        Sent++;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnAlert(LiveAlert alert)
    {
        if (alert.Rule == TamperRule && _pending.TryRemove(alert.PersonId, out var sentAt))
        {
            _latenciesMs.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
        }
    }

    private static async Task<LogInResponse> Read(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<LogInResponse>() ?? throw new InvalidOperationException("An empty log-in response.");
    }
}
