using Vigil.Domain.Rules;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Quality;

/// <summary>
/// Scores the health rules of a run. D4: each overdose label is caught by the first possible-overdose alert on its
/// device from a minute before its onset to 30 minutes after it ended; the delay is from the criterion being met (the
/// label's due time) to when the server received the message that decided it; other alerts of the rule are false alarms. D5: the smoothed arousal score is summarised per
/// window (its median): each stress episode from 5 minutes after its onset to its end is a positive window; every
/// 30-minute slice of the day at least an hour away from any episode is a negative one; AUC is the chance that a
/// random stress window scores above a random normal one (Mann–Whitney), given for all people and for each half.
/// </summary>
public static class HealthEvaluation
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Slice = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Margin = TimeSpan.FromHours(1);
    private const int MinScores = 3;

    /// <param name="BandOff">Overdose labels during which the band sent nothing (switched off on a flat battery): no band can see those.</param>
    public sealed record Person(int Index, string DeviceId, IReadOnlyList<GroundTruth> Labels, IReadOnlyList<(DateTimeOffset At, double Score)> Scores,
        IReadOnlyList<string> BandOff);

    public static HealthQuality Score(IReadOnlyList<Person> people, IReadOnlyList<RaisedAlert> alerts, DateTimeOffset from, DateTimeOffset until, double personDays,
        int watchCommands)
    {
        var overdose = people.SelectMany(p => p.Labels).Where(l => l.Scenario == ScenarioKinds.Overdose).ToList();
        var raised = alerts.Where(a => a.Rule == nameof(RuleKind.PossibleOverdose)).ToList();
        var caught = new Dictionary<string, RaisedAlert>();
        var falseAlarms = 0;
        foreach (var alert in raised.OrderBy(a => a.At))
        {
            var label = overdose.FirstOrDefault(l => l.DeviceIds.Contains(alert.DeviceId) && alert.At >= l.Start.AddMinutes(-1) && alert.At <= l.End.AddMinutes(30));
            if (label is null)
            {
                falseAlarms++;
            }
            else
            {
                caught.TryAdd(label.Id, alert);
            }
        }

        // The delay an officer lives is to when the server had the deciding message (true time); the band's own clock is
        // off by up to ±20 s in the simulation, so measurement-time delays are given only beside it.
        var bandOff = people.SelectMany(p => p.BandOff).ToHashSet(StringComparer.Ordinal);
        var observable = overdose.Count(l => !bandOff.Contains(l.Id));
        var caughtObservable = overdose.Count(l => !bandOff.Contains(l.Id) && caught.ContainsKey(l.Id));
        var delays = overdose.Where(l => caught.ContainsKey(l.Id)).Select(l => (caught[l.Id].DecidedAt - l.DueAt).TotalSeconds).Order().ToList();
        var onDeviceClock = overdose.Where(l => caught.ContainsKey(l.Id)).Select(l => (caught[l.Id].At - l.DueAt).TotalSeconds).Order().ToList();

        var windows = people.Select(p => (p.Index, Windows: Windows(p, from, until))).ToList();
        var flags = alerts.Where(a => a.Rule == nameof(RuleKind.PossibleDrugUse)).ToList();
        var stress = people.SelectMany(p => p.Labels.Where(l => l.Scenario == ScenarioKinds.Stress).Select(l => (Person: p, Label: l))).ToList();
        // An episode can be flagged only once the baseline is ready: the person has scores before it.
        var judgeable = stress.Where(s => s.Person.Scores.Any(x => x.At < s.Label.Start)).ToList();
        var flagged = judgeable.Count(s => flags.Any(f => f.DeviceId == s.Person.DeviceId && f.At >= s.Label.Start && f.At <= s.Label.End.AddMinutes(30)));
        var falseFlags = flags.Count(f => !stress.Any(s => s.Person.DeviceId == f.DeviceId && f.At >= s.Label.Start && f.At <= s.Label.End.AddMinutes(30)));

        return new HealthQuality(
            overdose.Count, caught.Count, overdose.Count - observable, observable == 0 ? null : (double)caughtObservable / observable,
            Percentile(delays, 0.5), Percentile(delays, 0.95), delays.Count == 0 ? null : delays[^1],
            delays.Count == 0 ? null : (double)delays.Count(d => d <= Budget.TotalSeconds) / delays.Count,
            Percentile(onDeviceClock, 0.95), onDeviceClock.Count == 0 ? null : (double)onDeviceClock.Count(d => d <= Budget.TotalSeconds) / onDeviceClock.Count,
            falseAlarms, falseAlarms / personDays * 1000,
            windows.Sum(w => w.Windows.Positive.Count), windows.Sum(w => w.Windows.Negative.Count),
            Auc(windows.SelectMany(w => w.Windows.Positive).ToList(), windows.SelectMany(w => w.Windows.Negative).ToList()),
            Auc(windows.Where(w => w.Index % 2 == 0).SelectMany(w => w.Windows.Positive).ToList(), windows.Where(w => w.Index % 2 == 0).SelectMany(w => w.Windows.Negative).ToList()),
            Auc(windows.Where(w => w.Index % 2 == 1).SelectMany(w => w.Windows.Positive).ToList(), windows.Where(w => w.Index % 2 == 1).SelectMany(w => w.Windows.Negative).ToList()),
            judgeable.Count, flagged, falseFlags, falseFlags / personDays * 1000, watchCommands, watchCommands / personDays);
    }

    private static (List<double> Positive, List<double> Negative) Windows(Person person, DateTimeOffset from, DateTimeOffset until)
    {
        var episodes = person.Labels.Where(l => l.Scenario is ScenarioKinds.Stress or ScenarioKinds.Overdose).ToList();
        var positive = new List<double>();
        foreach (var label in person.Labels.Where(l => l.Scenario == ScenarioKinds.Stress))
        {
            if (Median(person.Scores, label.Start.AddMinutes(5), label.End) is { } m)
            {
                positive.Add(m);
            }
        }

        var negative = new List<double>();
        for (var t = from; t + Slice <= until; t += Slice)
        {
            var end = t + Slice;
            if (!episodes.Any(e => e.Start - Margin < end && e.End + Margin > t) && Median(person.Scores, t, end) is { } m)
            {
                negative.Add(m);
            }
        }

        return (positive, negative);
    }

    private static double? Median(IReadOnlyList<(DateTimeOffset At, double Score)> scores, DateTimeOffset from, DateTimeOffset until)
    {
        var inside = scores.Where(s => s.At >= from && s.At < until).Select(s => s.Score).Order().ToList();
        return inside.Count < MinScores ? null : inside[inside.Count / 2];
    }

    /// <summary>Mann–Whitney: the share of (positive, negative) pairs ordered right, ties counting half.</summary>
    public static double? Auc(IReadOnlyList<double> positive, IReadOnlyList<double> negative)
    {
        if (positive.Count == 0 || negative.Count == 0)
        {
            return null;
        }

        var all = positive.Select(v => (Value: v, Positive: true)).Concat(negative.Select(v => (Value: v, Positive: false))).OrderBy(x => x.Value).ToList();
        double rankSum = 0;
        for (var i = 0; i < all.Count;)
        {
            var j = i;
            while (j < all.Count && all[j].Value == all[i].Value)
            {
                j++;
            }

            var rank = (i + j + 1) / 2.0; // average rank of the tie, 1-based
            rankSum += rank * all.Skip(i).Take(j - i).Count(x => x.Positive);
            i = j;
        }

        return (rankSum - (positive.Count * (positive.Count + 1) / 2.0)) / ((double)positive.Count * negative.Count);
    }

    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
