using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Domain.Gatherings;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Quality;

/// <summary>
/// D6 scored: a raised gathering is true when at least <see cref="GatheringOptions.MinPeople"/> of its raised members
/// (at its first evaluation, or as they joined it while it went on — the watch raises each then) are the devices of one
/// gathering label, and it had them between a minute before the label's onset and 30 minutes after it ended; a second
/// raise for the same label is a duplicate (not true, as in the rules' matcher); any other raise is false. Delay is from
/// the onset (the third person's arrival) to when it had them; in budget means by the label's due time (onset + 10 min) plus
/// one evaluation period and one report interval (2 min). A label is <b>unobservable</b> when fewer than
/// <see cref="GatheringOptions.MinPeople"/> of its members' bands delivered a fix of its span at all (a band switched
/// off with a flat battery): no detector can see it. Recall is reported over all labels and over the observable ones;
/// the bar applies to the observable ones, and the unobservable ones are listed. A raise that matches no label but
/// matches a gathering that truly happened unplanned (<see cref="TrueGatherings"/>, passed as <c>incidental</c>) is
/// <b>incidental</b>: true by the definition, counted in the precision, and not a false raise.
/// </summary>
public sealed record GatheringReport(
    int People,
    double Days,
    int Seed,
    int Labelled,
    int Detected,
    double? Recall,
    int Unobservable,
    double? ObservableRecall,
    int Raised,
    int TruePositives,
    int FalsePositives,
    int Incidental,
    int Duplicates,
    double? Precision,
    double? DelayP50Seconds,
    double? DelayP95Seconds,
    double? DelayMaxSeconds,
    double? InBudget,
    IReadOnlyList<string> Misses,
    IReadOnlyList<string> FalseRaises,
    IReadOnlyList<string> Unseen)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static GatheringReport Score(int people, double days, int seed, GatheringOptions options, IReadOnlyList<GroundTruth> labels,
        IReadOnlyList<DetectedGathering> raised, IReadOnlySet<string>? unobservable = null, IReadOnlyList<GroundTruth>? incidental = null)
    {
        unobservable ??= new HashSet<string>(StringComparer.Ordinal);
        var matched = new Dictionary<string, DetectedGathering>(StringComparer.Ordinal);
        var matchedIncidental = new HashSet<string>(StringComparer.Ordinal);
        int truePositives = 0, duplicates = 0, incidentals = 0;
        var falses = new List<DetectedGathering>();
        var raisedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        GroundTruth? Match(IReadOnlyList<GroundTruth> among, DetectedGathering g) => among.Select(l => (Label: l, At: g.RaisedFor(l.DeviceIds, options.MinPeople)))
            .Where(m => m.At is { } at && at >= m.Label.Start.AddMinutes(-1) && at <= m.Label.End.AddMinutes(30))
            .Select(m => m.Label).FirstOrDefault();
        foreach (var g in raised.OrderBy(r => r.RaisedAt))
        {
            var label = Match(labels, g);
            if (label is not null)
            {
                raisedAt.TryAdd(label.Id, g.RaisedFor(label.DeviceIds, options.MinPeople)!.Value);
            }

            if (label is null)
            {
                if (Match(incidental ?? [], g) is not { } truth)
                {
                    falses.Add(g);
                }
                else if (matchedIncidental.Add(truth.Id))
                {
                    incidentals++;
                }
                else
                {
                    duplicates++;
                }
            }
            else if (matched.TryAdd(label.Id, g))
            {
                truePositives++;
            }
            else
            {
                duplicates++;
            }
        }

        var delays = labels.Where(l => matched.ContainsKey(l.Id)).Select(l => (Delay: raisedAt[l.Id] - l.Start, Label: l)).OrderBy(d => d.Delay).ToList();
        string Describe(GroundTruth l) => string.Create(CultureInfo.InvariantCulture, $"{l.Id} {l.Start:O}–{l.End:O} {string.Join(',', l.DeviceIds)}: {l.Description}");
        var misses = labels.Where(l => !matched.ContainsKey(l.Id) && !unobservable.Contains(l.Id)).Select(Describe).ToList();
        var unseen = labels.Where(l => unobservable.Contains(l.Id)).ToList();
        var observable = labels.Count - unseen.Count;
        var observedHits = labels.Count(l => matched.ContainsKey(l.Id) && !unobservable.Contains(l.Id));
        return new GatheringReport(people, days, seed, labels.Count, matched.Count, labels.Count == 0 ? null : (double)matched.Count / labels.Count,
            unseen.Count, observable == 0 ? null : (double)observedHits / observable,
            raised.Count, truePositives, falses.Count, incidentals, duplicates, raised.Count == 0 ? null : (double)(truePositives + incidentals) / raised.Count,
            Quantile(delays.Select(d => d.Delay), 0.5), Quantile(delays.Select(d => d.Delay), 0.95), delays.Count == 0 ? null : delays[^1].Delay.TotalSeconds,
            delays.Count == 0 ? null : (double)delays.Count(d => d.Label.Start + d.Delay <= d.Label.DueAt + Budget) / delays.Count,
            [.. misses.Take(20)],
            [.. falses.Take(20).Select(f => string.Create(CultureInfo.InvariantCulture,
                $"{f.RaisedAt:O} since {f.Since:O} at {f.Lat:F5},{f.Lon:F5}: {string.Join(',', f.DeviceIds)}; truly {f.TrueSpreadMeters:0} m apart at most"))],
            [.. unseen.Take(20).Select(Describe)]);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The bars a run must clear (D6: recall of the observable gatherings and precision ≥ 95 %); every failure is named.</summary>
    public IReadOnlyList<string> Failures(double minRecall, double minPrecision)
    {
        var failures = new List<string>();
        if ((ObservableRecall ?? 0) < minRecall)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"gathering recall {ObservableRecall ?? 0:P1} is below {minRecall:P1} ({Detected} of {Labelled}, {Unobservable} unobservable)"));
        }

        if ((Precision ?? 0) < minPrecision)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"gathering precision {Precision ?? 0:P1} is below {minPrecision:P1} ({TruePositives} + {Incidental} incidental of {Raised}; {FalsePositives} false, {Duplicates} duplicates)"));
        }

        return failures;
    }

    public string ToText(string view)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"D6 gatherings ({view}): {People} people × {Days} days, seed {Seed}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"labelled {Labelled} ({Unobservable} unobservable), detected {Detected}, recall {Recall:P1} (observable {ObservableRecall:P1}); raised {Raised}: true {TruePositives}, incidental {Incidental}, false {FalsePositives}, duplicates {Duplicates}, precision {Precision:P1}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"delay from the third true arrival: p50 {DelayP50Seconds / 60:0.0} min, p95 {DelayP95Seconds / 60:0.0} min, max {DelayMaxSeconds / 60:0.0} min; in budget {InBudget:P1}");
        foreach (var miss in Misses)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  missed: {miss}");
        }

        foreach (var label in Unseen)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  unobservable (bands off): {label}");
        }

        foreach (var raise in FalseRaises)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  false: {raise}");
        }

        return text.ToString();
    }

    private static double? Quantile(IEnumerable<TimeSpan> sorted, double q)
    {
        var list = sorted.ToList();
        return list.Count == 0 ? null : list[Math.Min(list.Count - 1, (int)Math.Ceiling(q * list.Count) - 1)].TotalSeconds;
    }
}
