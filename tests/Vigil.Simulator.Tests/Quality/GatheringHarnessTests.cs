using Vigil.Domain.Gatherings;
using Vigil.Simulator.Quality;

namespace Vigil.Simulator.Tests.Quality;

/// <summary>
/// The short version of the D6 harness: the gathering detector minute by minute over 50 simulated people for 5 days,
/// as the server's gathering watch runs it. The bar is D6 of PERFORMANCE.md (recall and precision ≥ 95 %).
/// </summary>
public sealed class GatheringHarnessTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_FiveDaysFiftyPeople_MeetsD6()
    {
        var report = GatheringHarness.Run(50, 5, 1, Start);

        Assert.True(report.Labelled >= 4, $"only {report.Labelled} gatherings were labelled");
        Assert.Empty(report.Failures(minRecall: 0.95, minPrecision: 0.95));
    }

    [Fact]
    public void Failures_AGatheringMustLastLongerThanAnyMeeting_RecallBelowTheBarIsNamed()
    {
        // The harness must be able to fail: no simulated meeting lasts three hours.
        var report = GatheringHarness.Run(20, 3, 1, Start, new GatheringOptions { MinDuration = TimeSpan.FromHours(3) });
        Assert.Contains(report.Failures(0.95, 0.95), f => f.StartsWith("gathering recall 0.0 %", StringComparison.Ordinal));
    }
}
