using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Vigil.Server.Live;

namespace Vigil.Server.Tests.Live;

/// <summary>
/// A .NET SignalR client of <c>/hubs/live</c> through the test server (long polling), recording what it is pushed.
/// Waits are on the pushes themselves, each bounded by a timeout that says what was awaited.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly HubConnection _connection;
    private readonly string _who;
    private readonly Channel<LivePosition> _positions = Channel.CreateUnbounded<LivePosition>();
    private readonly Channel<LiveAlert> _alerts = Channel.CreateUnbounded<LiveAlert>();
    private readonly TaskCompletionSource<LiveSubscription> _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveClient(Uri baseAddress, Func<HttpMessageHandler>? handler, string? accessToken, string who)
    {
        _who = who;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, LiveHub.Path), o =>
            {
                o.Transports = handler is null ? HttpTransportType.WebSockets : HttpTransportType.LongPolling;
                if (handler is not null)
                {
                    o.HttpMessageHandlerFactory = _ => handler();
                }

                if (accessToken is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .Build();
        _connection.On<LiveSubscription>("subscribed", s => _subscribed.TrySetResult(s));
        _connection.On<LivePosition>("position", p => _positions.Writer.TryWrite(p));
        _connection.On<LiveAlert>("alert", a => _alerts.Writer.TryWrite(a));
    }

    /// <summary>The group the server put the connection in.</summary>
    public string Group { get; private set; } = "";

    /// <summary>Connects and returns once the server has put the connection in its group.</summary>
    public static Task<LiveClient> ConnectAsync(WebApplicationFactory<Program> factory, string? accessToken, string who) =>
        ConnectAsync(new LiveClient(factory.Server.BaseAddress, factory.Server.CreateHandler, accessToken, who), who);

    /// <summary>Connects over WebSockets to a fixture running on a real Kestrel.</summary>
    public static Task<LiveClient> ConnectAsync(Infrastructure.VigilFixture fixture, string? accessToken, string who) =>
        ConnectAsync(new LiveClient(fixture.Anonymous().BaseAddress!, null, accessToken, who), who);

    private static async Task<LiveClient> ConnectAsync(LiveClient client, string who)
    {
        try
        {
            await client._connection.StartAsync();
            client.Group = (await Within(client._subscribed.Task, $"{who}'s subscription")).Group;
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public Task<LivePosition> NextPositionAsync() => Within(_positions.Reader.ReadAsync().AsTask(), $"a position pushed to {_who}");

    public Task<LiveAlert> NextAlertAsync() => Within(_alerts.Reader.ReadAsync().AsTask(), $"an alert pushed to {_who}");

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private static async Task<T> Within<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}; none came.");
        }
    }
}
