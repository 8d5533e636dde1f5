using Vigil.Domain.Gatherings;
using Vigil.Simulator.Quality;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Tests.Quality;

/// <summary>
/// The short version of the D6 harness: the gathering detector minute by minute over 50 simulated people for 5 days,
/// as the server's gathering watch runs it, scored against the labelled gatherings and the true co-presences. On this
/// population the detector finds all six and raises no false or duplicate gathering (D6's bars are 95 %);
/// docs/quality.md has the full runs. The other tests hold the harness itself to account.
/// </summary>
public sealed class GatheringHarnessTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_FiveDaysFiftyPeople_EveryLabelledAndEveryTrueGatheringIsJudged()
    {
        var run = GatheringHarness.Run(50, 5, 1, Start);

        foreach (var report in new[] { run.Scripted, run.Truth })
        {
            Assert.True(report.Labelled >= 4, $"only {report.Labelled} gatherings in {run.ToText()}");
            Assert.Equal(report.Labelled, report.Detected + report.Misses.Count + report.Unobservable);
            Assert.Equal(report.Raised, report.TruePositives + report.Incidental + report.FalsePositives + report.Duplicates);
        }

        // Every planted gathering truly happened: the truth has at least as many.
        Assert.True(run.Truth.Labelled >= run.Scripted.Labelled, run.ToText());
    }

    [Fact]
    public void Run_FiveDaysFiftyPeople_EveryObservableGatheringFound_NoStrangersGrouped()
    {
        var run = GatheringHarness.Run(50, 5, 1, Start);

        // 6 of 6, the apartment gathering whose wifi estimates drift over 75 m apart for minutes at a time included (docs/quality.md).
        Assert.Empty(run.Failures(0.95, 0.95));
        Assert.Equal(0, run.Truth.FalsePositives);
    }

    [Fact]
    public void Failures_AGatheringMustLastLongerThanAnyMeeting_RecallBelowTheBarIsNamed()
    {
        // The harness must be able to fail: no simulated meeting lasts three hours.
        var report = GatheringHarness.Run(20, 5, 1, Start, new GatheringOptions { MinDuration = TimeSpan.FromHours(3) });
        Assert.Contains(report.Failures(0.95, 0.95), f => f.StartsWith("scripted: gathering recall 0.0 %", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_ARaiseOfTheLabelledDevicesInTime_True_ASecond_Duplicate_AStranger_False()
    {
        var onset = Start.AddHours(3);
        var label = new GroundTruth("L1", "gathering", null, true, ["A", "B", "C"], onset, onset.AddMinutes(10), onset.AddHours(1), "three together");
        DetectedGathering Raise(DateTimeOffset at, params string[] devices) => new(Guid.NewGuid(), onset, at, devices, 21.03, 105.85);

        var report = GatheringReport.Score(3, 1, 1, new GatheringOptions(), [label],
            [Raise(onset.AddMinutes(11), "A", "B", "C"), Raise(onset.AddMinutes(30), "A", "B", "C", "D"), Raise(onset.AddMinutes(12), "A", "B", "X")]);

        Assert.Equal((1, 1.0, 1, 1, 1), (report.Detected, report.Recall, report.TruePositives, report.Duplicates, report.FalsePositives));
        Assert.Equal(1.0 / 3, report.Precision);
        Assert.Equal(660, report.DelayP50Seconds);
        Assert.Equal(1.0, report.InBudget);
    }

    [Fact]
    public void Score_ARaiseOfAnUnplannedTrueGathering_Incidental_NotFalse_AStrangerStillFalse()
    {
        var onset = Start.AddHours(3);
        var label = new GroundTruth("L1", "gathering", null, true, ["A", "B", "C"], onset, onset.AddMinutes(10), onset.AddHours(1), "planted");
        var bar = new GroundTruth("T2", "gathering", null, true, ["D", "E", "F"], onset, onset.AddMinutes(10), onset.AddMinutes(40), "truly together at a bar");
        DetectedGathering Raise(DateTimeOffset at, params string[] devices) => new(Guid.NewGuid(), onset, at, devices, 21.03, 105.85);

        var report = GatheringReport.Score(6, 1, 1, new GatheringOptions(), [label],
            [Raise(onset.AddMinutes(11), "A", "B", "C"), Raise(onset.AddMinutes(12), "D", "E", "F"), Raise(onset.AddMinutes(12), "D", "E", "X")], incidental: [bar]);

        Assert.Equal((1, 1, 1, 0), (report.TruePositives, report.Incidental, report.FalsePositives, report.Duplicates));
        Assert.Equal(2.0 / 3, report.Precision);
    }

    [Fact]
    public void Score_AGatheringJoinedLaterByTheLabelledDevices_TrueWhenItHadThem_DelayFromThen()
    {
        // Regression (D6, seed 23): a neighbour truly 22 m from the apartment was raised with two of the five planted
        // people; the others joined the same gathering a minute later (the watch raised them then). Judged only by its
        // first members it looked unplanned and the label a miss.
        var onset = Start.AddHours(3);
        var label = new GroundTruth("L1", "gathering", null, true, ["A", "B", "C", "D", "E"], onset, onset.AddMinutes(10), onset.AddHours(1), "five together");
        var raise = new DetectedGathering(Guid.NewGuid(), onset, onset.AddMinutes(11), ["A", "B", "X"], 21.03, 105.85,
            Joins: [new MemberJoin("C", onset.AddMinutes(12)), new MemberJoin("D", onset.AddMinutes(12))]);

        var report = GatheringReport.Score(6, 1, 1, new GatheringOptions(), [label], [raise]);
        var early = GatheringReport.Score(6, 1, 1, new GatheringOptions(), [label], [raise with { Joins = [] }]);

        Assert.Equal((1, 0, 720.0), (report.TruePositives, report.FalsePositives, report.DelayP50Seconds));
        Assert.Equal((0, 1), (early.TruePositives, early.FalsePositives));
    }

    [Fact]
    public void Score_ALabelNoBandCouldShow_Unobservable_NotAMiss_ButInTheRawRecall()
    {
        var onset = Start.AddHours(3);
        var seen = new GroundTruth("L1", "gathering", null, true, ["A", "B", "C"], onset, onset.AddMinutes(10), onset.AddHours(1), "three together");
        var dark = new GroundTruth("L2", "gathering", null, true, ["D", "E", "F"], onset, onset.AddMinutes(10), onset.AddHours(1), "one band off");

        var report = GatheringReport.Score(6, 1, 1, new GatheringOptions(), [seen, dark],
            [new DetectedGathering(Guid.NewGuid(), onset, onset.AddMinutes(11), ["A", "B", "C"], 21.03, 105.85)], new HashSet<string> { "L2" });

        Assert.Equal((1, 0.5, 1.0), (report.Unobservable, report.Recall, report.ObservableRecall));
        Assert.Empty(report.Misses);
        Assert.Single(report.Unseen);
        Assert.Empty(report.Failures(0.95, 0.95));
    }
}
