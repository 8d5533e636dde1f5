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

    /// <summary>Runs one device's deliveries through the engine up to <paramref name="until"/>; returns the alerts raised.</summary>
    public List<RaisedAlert> Run(string deviceId, IReadOnlyList<Delivery> deliveries, CaseTimeline timeline, DateTimeOffset from, DateTimeOffset until)
    {
        var twin = new DeviceTwin();
        var seen = new HashSet<long>();
        var alerts = new List<RaisedAlert>();
        var changes = timeline.Changes.Where(c => c > from).Order().ToList();
        var now = from;
        var i = 0;
        while (true)
        {
            var nextDelivery = i < deliveries.Count ? deliveries[i].ReceivedAt : until;
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
                Collect(deviceId, engine.OnTick(twin, timeline.At(now), now), alerts, now);
                continue;
            }

            if (i >= deliveries.Count)
            {
                break;
            }

            var delivery = deliveries[i++];
            now = delivery.ReceivedAt;
            Deliver(deviceId, delivery, twin, timeline.At(now), seen, alerts);
        }

        return alerts;
    }

    private void Deliver(string deviceId, Delivery delivery, DeviceTwin twin, CaseSnapshot @case, HashSet<long> seen, List<RaisedAlert> alerts)
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

            Collect(deviceId, engine.OnMessage(twin, message, @case, delivery.ReceivedAt), alerts, delivery.ReceivedAt);
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
