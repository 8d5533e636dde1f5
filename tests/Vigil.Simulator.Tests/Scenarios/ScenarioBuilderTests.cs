using Vigil.Domain.Rules;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Tests.Scenarios;

public sealed class ScenarioBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_OneDeck_LabelsEveryViolationAndEveryMustNotAlertCase()
    {
        var people = new ScenarioBuilder(Start, 5, 1).Build(ScenarioKinds.Deck.Count + 4);
        var labels = people.SelectMany(p => p.Labels).ToList();
        foreach (var rule in new[] { RuleKind.Tamper, RuleKind.NotWorn, RuleKind.SelfRemoval, RuleKind.BatteryDepleted, RuleKind.OutsideArea, RuleKind.ResidenceChangeUnreported, RuleKind.ArrivalNotReported })
        {
            Assert.Contains(labels, l => l.ExpectAlert && l.ExpectedRule == rule.ToString());
        }

        foreach (var quiet in new[] { ScenarioKinds.ApprovedRemoval, ScenarioKinds.ApprovedTravel, ScenarioKinds.Suspension, ScenarioKinds.ShortExit })
        {
            Assert.Contains(labels, l => !l.ExpectAlert && l.Scenario == quiet);
        }

        foreach (var unscored in new[] { ScenarioKinds.Gathering, ScenarioKinds.Overdose, ScenarioKinds.Stress, ScenarioKinds.HotspotVisit })
        {
            Assert.Contains(labels, l => l.Scenario == unscored);
        }

        var gathering = labels.First(l => l.Scenario == ScenarioKinds.Gathering);
        Assert.InRange(gathering.DeviceIds.Count, 3, 5);
        Assert.All(labels, l => Assert.True(l.Start <= l.DueAt && l.Start <= l.End, l.Id));
    }

    [Fact]
    public void Build_ApprovedTravel_TheCaseCarriesTheApproval()
    {
        var people = new ScenarioBuilder(Start, 5, 1).Build(ScenarioKinds.Deck.Count);
        var traveller = people.First(p => p.Scenario == ScenarioKinds.ApprovedTravel);
        var trip = traveller.Labels[0];
        Assert.True(traveller.Case.At(trip.Start).TravelApprovedAt(trip.Start.AddMinutes(30)));
        Assert.False(traveller.Case.Initial.TravelApprovedAt(trip.Start.AddMinutes(30)));
    }

    [Fact]
    public async Task WriteAsync_LabelsFile_OneJsonObjectPerLineThatReadsBack()
    {
        var labels = new ScenarioBuilder(Start, 5, 2).Build(30).SelectMany(p => p.Labels).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"vigil-labels-{Guid.NewGuid():N}.jsonl");
        try
        {
            await GroundTruth.WriteAsync(path, labels);
            var lines = await File.ReadAllLinesAsync(path);
            Assert.Equal(labels.Count, lines.Length);
            Assert.Equal(labels.OrderBy(l => l.Id).Select(l => l.Id), lines.Select(GroundTruth.FromJsonLine).Select(l => l.Id).Order());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Constructor_TooFewDays_SaysWhy()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ScenarioBuilder(Start, 3, 1));
        Assert.Contains("three nights", e.Message);
    }
}
