using System.Globalization;
using System.Text;
using Vigil.Domain.Rules;
using Vigil.Simulator.Model;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Quality;

/// <summary>
/// P4's third condition — "the same alerts as in-order delivery" — on the labelled scenarios: every band's messages
/// (duplicates removed) go through the rules engine twice, as the device actor runs it (<see cref="EngineRun"/>):
/// once <b>in order</b>, each message arriving a second after it was measured, and once as a <b>burst</b>, held on
/// the band for <c>burst</c> hours and uploaded at the end of each window in arrays of ≤ 500 — oldest first, or in
/// a shuffled order (uploads of one band handled out of order). The alerts are compared by band, rule and the
/// instant the condition began (measurement time). Two alerts are about the network itself and are left out: a band
/// that holds its messages for hours is <c>Offline</c> in fact, and "shielding" (a <c>Tamper</c>) is by definition no
/// GPS <i>and no network</i> while moving, the network loss being read from the data arriving late — so a burst rightly
/// raises both where live delivery does not.
/// </summary>
public static class DeliveryOrderCheck
{
    private const int MaxArray = 500;

    /// <summary>Two alerts are the same when band and rule match and their conditions began this close together.</summary>
    public static readonly TimeSpan SinceTolerance = TimeSpan.FromMinutes(2);

    public static DeliveryOrderReport Run(int people, int days, int seed, DateTimeOffset start, TimeSpan burst, bool shuffle, RuleOptions? options = null)
    {
        var builder = new ScenarioBuilder(start, days, seed);
        var population = builder.Build(people);
        var engine = QualityHarness.Engine(options ?? new RuleOptions());
        var judgedFrom = builder.Start.AddHours(1);
        var results = new (List<RaisedAlert> InOrder, List<RaisedAlert> Burst, int Messages)[population.Count];
        Parallel.For(0, population.Count, i =>
        {
            var person = population[i];
            var id = person.Profile.DeviceId;
            var wearer = new SimulatedWearer(person.Profile, builder.Start, builder.End, person.Incidents);
            var messages = wearer.Advance(builder.End).SelectMany(d => d.Messages).DistinctBy(m => m.Seq)
                .OrderBy(m => m.MeasuredAt).ThenBy(m => m.Seq).ToList();
            var inOrder = messages.Select(m => new Delivery(id, m.MeasuredAt.AddSeconds(1), [m], Buffered: false)).ToList();
            var random = new Random(seed * 7919 + i);
            var bursts = new List<Delivery>();
            foreach (var window in messages.GroupBy(m => Math.Max(0, (long)Math.Floor((m.MeasuredAt - builder.Start) / burst))))
            {
                var arrives = builder.Start + (burst * (window.Key + 1));
                var arrays = window.Chunk(MaxArray).Select(c => new Delivery(id, arrives, c, Buffered: true)).ToList();
                bursts.AddRange(shuffle ? arrays.OrderBy(_ => random.Next()) : arrays);
            }

            static List<RaisedAlert> Judged(IEnumerable<RaisedAlert> alerts, DateTimeOffset from) =>
                alerts.Where(a => a.Rule != nameof(RuleKind.Offline) && a.Key != "shielding" && a.Since >= from).ToList();
            var until = builder.End + burst;
            results[i] = (Judged(new EngineRun(engine).Run(id, inOrder, person.Case, builder.Start, until), judgedFrom),
                Judged(new EngineRun(engine).Run(id, bursts, person.Case, builder.Start, until), judgedFrom), messages.Count);
        });

        var rules = new SortedDictionary<string, (int InOrder, int Burst, int Matched)>(StringComparer.Ordinal);
        var onlyInOrder = new List<RaisedAlert>();
        var onlyBurst = new List<RaisedAlert>();
        foreach (var (inOrder, bursts, _) in results)
        {
            var unmatched = bursts.ToList();
            foreach (var alert in inOrder)
            {
                var twin = unmatched.Where(b => b.DeviceId == alert.DeviceId && b.Rule == alert.Rule && (b.Since - alert.Since).Duration() <= SinceTolerance)
                    .MinBy(b => (b.Since - alert.Since).Duration());
                var counts = rules.GetValueOrDefault(alert.Rule);
                if (twin is null)
                {
                    onlyInOrder.Add(alert);
                    rules[alert.Rule] = counts with { InOrder = counts.InOrder + 1 };
                }
                else
                {
                    unmatched.Remove(twin);
                    rules[alert.Rule] = counts with { InOrder = counts.InOrder + 1, Burst = counts.Burst + 1, Matched = counts.Matched + 1 };
                }
            }

            foreach (var alert in unmatched)
            {
                var counts = rules.GetValueOrDefault(alert.Rule);
                rules[alert.Rule] = counts with { Burst = counts.Burst + 1 };
                onlyBurst.Add(alert);
            }
        }

        return new DeliveryOrderReport(people, days, seed, burst, shuffle, results.Sum(r => r.Messages), rules, onlyInOrder, onlyBurst);
    }
}

/// <summary>Per rule, the alerts of in-order delivery, of the burst, and how many are the same; the differences listed.</summary>
public sealed record DeliveryOrderReport(int People, int Days, int Seed, TimeSpan Burst, bool Shuffled, long Messages,
    IReadOnlyDictionary<string, (int InOrder, int Burst, int Matched)> Rules, IReadOnlyList<RaisedAlert> OnlyInOrder, IReadOnlyList<RaisedAlert> OnlyBurst)
{
    public bool Same => OnlyInOrder.Count == 0 && OnlyBurst.Count == 0;

    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"In-order vs burst delivery: {People} people × {Days} days, seed {Seed}, {Messages:N0} messages, "
            + $"held {Burst.TotalHours:0.##} h and uploaded in arrays of ≤ 500{(Shuffled ? ", arrays shuffled" : ", oldest first")} (Offline and shielding left out)");
        s.AppendLine("| rule | in order | burst | same |");
        s.AppendLine("|---|---:|---:|---:|");
        foreach (var (rule, (inOrder, burst, matched)) in Rules)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {rule} | {inOrder} | {burst} | {matched} |");
        }

        s.AppendLine(CultureInfo.InvariantCulture, $"{(Same ? "SAME" : "DIFFERENT")}: {OnlyInOrder.Count} alerts only in order, {OnlyBurst.Count} only in the burst");
        foreach (var (label, alert) in OnlyInOrder.Select(a => ("only in order", a)).Concat(OnlyBurst.Select(a => ("only burst", a))).Take(40))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"  {label}: {alert.DeviceId} {alert.Rule} {alert.Key} since {alert.Since:u} raised {alert.At:u} {alert.Detail}");
        }

        return s.ToString();
    }
}
