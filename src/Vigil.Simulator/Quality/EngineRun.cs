using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using Vigil.Simulator.Model;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Quality;

/// <summary>
/// Drives the pure <see cref="RuleEngine"/> exactly as the device actor does, against a fake clock: each delivery
/// is parsed by the real <see cref="TelemetryParser"/> at its arrival time, duplicates are dropped by seq (as the
/// store does), the rest are evaluated in measurement order against the case as it stood at that moment, and
/// between deliveries the engine is ticked at its next deadline (as the deadline sweep does).
/// </summary>
public sealed class EngineRun(RuleEngine engine)
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(5);

    /// <summary>The deadline sweep runs every 10 s: a due deadline is acted on up to one period late (the worst case is modelled).</summary>
    public static readonly TimeSpan SweepLag = TimeSpan.FromSeconds(10);

    public long Messages { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected { get; private set; }

    public List<string> RejectionReasons { get; } = [];

    /// <summary>The smoothed arousal score after each resting reading once the baseline is ready (D5), in measurement order.</summary>
    public List<(DateTimeOffset At, double Score)> ArousalScores { get; } = [];

    /// <summary>What the band delivered in a <see cref="Run(SimulatedWearer, CaseTimeline, DateTimeOffset, DateTimeOffset)"/>, in arrival order.</summary>
    public List<Delivery> Deliveries { get; } = [];

    /// <summary>The report-interval commands the engine's vitals watches sent to the band.</summary>
    public int WatchCommands { get; private set; }

    /// <summary>Runs one device's deliveries through the engine up to <paramref name="until"/>; returns the alerts raised.</summary>
    public List<RaisedAlert> Run(string deviceId, IReadOnlyList<Delivery> deliveries, CaseTimeline timeline, DateTimeOffset from, DateTimeOffset until)
    {
        var i = 0;
        return Run(deviceId, timeline, from, until, () => i < deliveries.Count ? deliveries[i].ReceivedAt : null, () => deliveries[i++], null);
    }

    /// <summary>
    /// Steps the band and the engine together, so that the band honours the engine's vitals watches as a real one would:
    /// each command reaches it after a command delay (or when it is back in coverage: the command is retained) and changes
    /// its cadence from then on. A band on its usual interval is told the default 60 s when a watch ends (the harness has no tiers).
    /// </summary>
    public List<RaisedAlert> Run(SimulatedWearer wearer, CaseTimeline timeline, DateTimeOffset from, DateTimeOffset until)
    {
        var commandDelay = new Random((wearer.Profile.Seed * 13) + 5);
        var queue = new List<Delivery>();

        void Take(IReadOnlyList<Delivery> deliveries)
        {
            queue.AddRange(deliveries);
            Deliveries.AddRange(deliveries);
            queue.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));
        }

        DateTimeOffset? Next()
        {
            while (true)
            {
                // What reaches the server before the band's next reading can be handed over without taking that reading.
                var sampleAt = wearer.NextSampleAt;
                Take(wearer.Advance(sampleAt <= until ? sampleAt - TimeSpan.FromTicks(1) : until));
                if (sampleAt > until || (queue.Count > 0 && queue[0].ReceivedAt <= sampleAt))
                {
                    return queue.Count > 0 ? queue[0].ReceivedAt : null;
                }

                // The reading comes before anything else reaches the server (a command heard earlier has already moved it).
                Take(wearer.Advance(sampleAt));
            }
        }

        Delivery Dequeue()
        {
            var first = queue[0];
            queue.RemoveAt(0);
            return first;
        }

        void Honour(RuleResult result, DateTimeOffset at)
        {
            if (result.Watches.Count == 0)
            {
                return;
            }

            var watch = result.Watches[^1];
            // Server to band over a held MQTT connection: a second or two, now and then longer when the radio was asleep.
            var delay = commandDelay.NextDouble() < 0.1 ? commandDelay.Uniform(3, 15) : commandDelay.Uniform(0.5, 3);
            var arrives = wearer.Reachable(at + TimeSpan.FromSeconds(delay));
            wearer.Command(arrives, watch.Started ? watch.IntervalSeconds : 60, watch.Started ? watch.Until : null);
            WatchCommands++;
        }

        return Run(wearer.Profile.DeviceId, timeline, from, until, Next, Dequeue, Honour);
    }

    private List<RaisedAlert> Run(string deviceId, CaseTimeline timeline, DateTimeOffset from, DateTimeOffset until,
        Func<DateTimeOffset?> nextDeliveryAt, Func<Delivery> take, Action<RuleResult, DateTimeOffset>? honour)
    {
        var twin = new DeviceTwin();
        var seen = new HashSet<long>();
        var alerts = new List<RaisedAlert>();
        var changes = timeline.Changes.Where(c => c > from).Order().ToList();
        var now = from;
        while (true)
        {
            var pending = nextDeliveryAt();
            var nextDelivery = pending ?? until;
            var @case = timeline.At(now);
            var deadline = engine.NextDeadline(twin, @case);
            DateTimeOffset? tick = deadline is { } d ? (d <= now ? now + RecheckAfter : d + SweepLag) : null;
            var change = changes.FirstOrDefault(c => c > now);
            if (change != default && (tick is null || change < tick))
            {
                tick = change;
            }

            if (tick is { } at && at < nextDelivery && at <= until)
            {
                now = at;
                var result = engine.OnTick(twin, timeline.At(now), now);
                Collect(deviceId, result, alerts, now);
                honour?.Invoke(result, now);
                continue;
            }

            if (pending is null)
            {
                break;
            }

            var delivery = take();
            now = delivery.ReceivedAt;
            Deliver(deviceId, delivery, twin, timeline.At(now), seen, alerts, honour);
        }

        return alerts;
    }

    private void Deliver(string deviceId, Delivery delivery, DeviceTwin twin, CaseSnapshot @case, HashSet<long> seen, List<RaisedAlert> alerts,
        Action<RuleResult, DateTimeOffset>? honour)
    {
        var batch = TelemetryParser.Parse(delivery.Body(), delivery.ReceivedAt, TelemetryLimits.Default);
        if (batch.IsMalformed)
        {
            Rejected += delivery.Messages.Count;
            RejectionReasons.Add($"{batch.MalformedField}: {batch.MalformedReason}");
            return;
        }

        foreach (var rejection in batch.Rejected)
        {
            Rejected++;
            if (RejectionReasons.Count < 20)
            {
                RejectionReasons.Add(rejection.ToString() ?? "");
            }
        }

        foreach (var message in batch.Accepted.OrderBy(m => m.MeasuredAt).ThenBy(m => m.Seq))
        {
            Messages++;
            if (!seen.Add(message.Seq))
            {
                Duplicates++;
                continue;
            }

            var result = engine.OnMessage(twin, message, @case, delivery.ReceivedAt);
            Collect(deviceId, result, alerts, delivery.ReceivedAt);
            honour?.Invoke(result, delivery.ReceivedAt);
            if (twin.Health.ArousalAt == message.MeasuredAt && twin.Health.Arousal is { } score)
            {
                ArousalScores.Add((message.MeasuredAt, score));
            }
        }
    }

    private static void Collect(string deviceId, RuleResult result, List<RaisedAlert> alerts, DateTimeOffset decidedAt) =>
        alerts.AddRange(result.Signals.Where(s => s.Kind == SignalKind.Raised)
            .Select(s => new RaisedAlert(deviceId, s.Rule.ToString(), s.Key, s.ConditionSince, s.At, s.Detail, decidedAt)));
}
