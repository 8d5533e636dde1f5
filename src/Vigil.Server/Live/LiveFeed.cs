using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Live;

/// <summary>
/// Pushes positions and alerts to the officers watching the person's commune, province and the nation.
/// Positions are throttled per person on the injected clock: at most one per
/// <see cref="LiveOptions.PositionThrottleSeconds"/>; within a window the newest one is held back and pushed when
/// the window ends, so the map is never more than one window behind, and a position measured before one already
/// pushed or held in the window (late, buffered data) is not pushed. A person's throttle is released once a window has
/// ended with nothing held (swept every window), so only people heard from in the last seconds hold one (P6). Late data
/// after that is kept off the map upstream: a device actor publishes only a fix newer than its last, and the map shows
/// the newest of what it is sent.
/// </summary>
public sealed class LiveFeed : IDisposable
{
    private readonly ConcurrentDictionary<Guid, Slot> _slots = new();
    private readonly IHubContext<LiveHub> _hub;
    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;
    private readonly ILogger<LiveFeed> _logger;
    private readonly ITimer _sweep;

    public LiveFeed(IHubContext<LiveHub> hub, IOptions<LiveOptions> options, TimeProvider clock, ILogger<LiveFeed> logger)
    {
        _hub = hub;
        _window = TimeSpan.FromSeconds(options.Value.PositionThrottleSeconds);
        _clock = clock;
        _logger = logger;
        var every = _window > TimeSpan.Zero ? _window : TimeSpan.FromSeconds(1);
        _sweep = clock.CreateTimer(static self => ((LiveFeed)self!).Sweep(), this, every, every);
    }

    /// <summary>Whether a person's throttle is held now (for tests).</summary>
    internal bool Throttles(Guid personId) => _slots.ContainsKey(personId);

    public Task PublishAlertAsync(LiveAlert alert, CancellationToken cancellationToken = default) =>
        _hub.Clients.Groups(LiveGroups.Of(alert.UnitId, alert.ProvinceCode)).SendAsync("alert", alert, cancellationToken);

    public Task PublishPositionAsync(LivePosition position, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var slot = _slots.GetOrAdd(position.PersonId, static _ => new Slot());
            lock (slot)
            {
                if (slot.Released)
                {
                    continue;
                }

                if (slot.NewestMeasuredAt is { } newest && position.MeasuredAt <= newest)
                {
                    return Task.CompletedTask;
                }

                slot.NewestMeasuredAt = position.MeasuredAt;
                var now = _clock.GetUtcNow();
                if (slot.Timer is not null || now < slot.LastPushedAt + _window)
                {
                    slot.Held = position;
                    slot.Timer ??= _clock.CreateTimer(_ => PushHeld(slot), null, slot.LastPushedAt + _window - now, Timeout.InfiniteTimeSpan);
                    return Task.CompletedTask;
                }

                slot.LastPushedAt = now;
            }

            return Push(position, cancellationToken);
        }
    }

    public void Dispose()
    {
        _sweep.Dispose();
        foreach (var slot in _slots.Values)
        {
            lock (slot)
            {
                slot.Timer?.Dispose();
                slot.Timer = null;
            }
        }
    }

    private Task Push(LivePosition position, CancellationToken cancellationToken) =>
        _hub.Clients.Groups(LiveGroups.Of(position.UnitId, position.ProvinceCode)).SendAsync("position", position, cancellationToken);

    /// <summary>The window ended: push what was held back, and start the next window now.</summary>
    private void PushHeld(Slot slot)
    {
        LivePosition? held;
        lock (slot)
        {
            held = slot.Held;
            slot.Held = null;
            slot.Timer?.Dispose();
            slot.Timer = null;
            if (held is null)
            {
                return;
            }

            slot.LastPushedAt = _clock.GetUtcNow();
        }

        _ = PushHeldAsync(held);
    }

    private async Task PushHeldAsync(LivePosition position)
    {
        try
        {
            await Push(position, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // A timer's push has no caller to report to; the next position replaces it anyway.
            _logger.LivePushFailed(exception, position.PersonId);
        }
    }

    /// <summary>Releases the throttles whose window has ended with nothing held; a released one is never used again.</summary>
    private void Sweep()
    {
        var now = _clock.GetUtcNow();
        foreach (var (personId, slot) in _slots)
        {
            lock (slot)
            {
                if (slot.Timer is null && now >= slot.LastPushedAt + _window)
                {
                    slot.Released = true;
                    _slots.TryRemove(new KeyValuePair<Guid, Slot>(personId, slot));
                }
            }
        }
    }

    /// <summary>One person's throttle. Instants as UTC ticks: 48 bytes where instant fields made 72, one per active person (P6).</summary>
    private sealed class Slot
    {
        private long _lastPushedAt;
        private long _newestMeasuredAt;

        public DateTimeOffset LastPushedAt { get => new(_lastPushedAt, TimeSpan.Zero); set => _lastPushedAt = value.UtcTicks; }

        public DateTimeOffset? NewestMeasuredAt { get => Domain.Time.UtcTicks.ToInstant(_newestMeasuredAt); set => _newestMeasuredAt = Domain.Time.UtcTicks.Of(value); }

        public LivePosition? Held { get; set; }

        public ITimer? Timer { get; set; }

        /// <summary>Swept out of the table: a publisher that still holds it takes a new one.</summary>
        public bool Released { get; set; }
    }
}
