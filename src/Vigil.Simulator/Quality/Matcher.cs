using System.Globalization;
using Vigil.Domain.Rules;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Quality;

/// <summary>
/// Matches raised alerts to ground truth. An alert of rule R on a device is a true positive when a label that
/// expects R on that device spans it (from a minute before its onset to 30 minutes after it ended or fell due);
/// a second alert for a label already detected is a duplicate; anything else is a false alert. Delay is measured
/// from the label's onset; "in budget" means raised by the rule's own window plus one report interval (D1).
/// </summary>
public static class Matcher
{
    private static readonly TimeSpan Before = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan After = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<RuleScore> Score(IReadOnlyList<GroundTruth> labels, IReadOnlyList<RaisedAlert> alerts)
    {
        var scores = new List<RuleScore>();
        foreach (var rule in Enum.GetValues<RuleKind>().Select(r => r.ToString()))
        {
            var expected = labels.Where(l => l.ExpectAlert && l.ExpectedRule == rule).ToList();
            var quiet = labels.Where(l => !l.ExpectAlert && (l.ExpectedRule == rule || l.ExpectedRule is null)).ToList();
            var raised = alerts.Where(a => a.Rule == rule).OrderBy(a => a.At).ToList();
            if (expected.Count == 0 && raised.Count == 0 && !quiet.Any(q => q.ExpectedRule == rule))
            {
                continue;
            }

            var detected = new Dictionary<string, RaisedAlert>();
            var falseAlerts = new List<RaisedAlert>();
            var duplicates = 0;
            var brokenQuiet = new HashSet<string>();
            foreach (var alert in raised)
            {
                var label = expected.Where(l => l.DeviceIds.Contains(alert.DeviceId) && Spans(l, alert.At))
                    .OrderBy(l => detected.ContainsKey(l.Id)).ThenBy(l => l.Start).FirstOrDefault();
                if (label is null)
                {
                    falseAlerts.Add(alert);
                    foreach (var q in quiet.Where(q => q.DeviceIds.Contains(alert.DeviceId) && Spans(q, alert.At)))
                    {
                        brokenQuiet.Add(q.Id);
                    }
                }
                else if (!detected.TryAdd(label.Id, alert))
                {
                    duplicates++;
                }
            }

            var delays = expected.Where(l => detected.ContainsKey(l.Id)).Select(l => (detected[l.Id].At - l.Start).TotalSeconds).Order().ToList();
            var inBudget = expected.Count(l => detected.TryGetValue(l.Id, out var a) && a.At <= l.DueAt + ReportInterval);
            var quietOwn = quiet.Where(q => q.ExpectedRule == rule || brokenQuiet.Contains(q.Id)).ToList();
            scores.Add(new RuleScore(
                rule,
                expected.Count,
                detected.Count,
                raised.Count,
                falseAlerts.Count,
                duplicates,
                expected.Count == 0 ? null : (double)detected.Count / expected.Count,
                raised.Count == 0 ? null : (double)detected.Count / raised.Count,
                Percentile(delays, 0.5),
                Percentile(delays, 0.95),
                delays.Count == 0 ? null : delays[^1],
                detected.Count == 0 ? null : (double)inBudget / detected.Count,
                quietOwn.Count,
                quietOwn.Count(q => brokenQuiet.Contains(q.Id)),
                [.. expected.Where(l => !detected.ContainsKey(l.Id)).Take(10).Select(l => $"{l.Id} {l.Scenario} {string.Join("+", l.DeviceIds)} {l.Start:u}")],
                [.. falseAlerts.Take(10).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.DeviceId} {a.Key} at {a.At:u} since {a.Since:u} {a.Detail}"))]));
        }

        return scores;
    }

    private static bool Spans(GroundTruth label, DateTimeOffset at) =>
        at >= label.Start - Before && at <= (label.End > label.DueAt ? label.End : label.DueAt) + After;

    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
