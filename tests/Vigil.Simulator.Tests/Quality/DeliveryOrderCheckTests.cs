using Vigil.Simulator.Quality;

namespace Vigil.Simulator.Tests.Quality;

/// <summary>
/// P4's third condition on the labelled scenarios: a burst (messages held for hours, then uploaded oldest first in
/// arrays of 500, as the protocol says and as the device actor receives them) raises the same alerts as in-order
/// delivery. (Arrays in a shuffled order do not: docs/quality.md.)
/// </summary>
public sealed class DeliveryOrderCheckTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 17, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2)]
    [InlineData(8)] // eight hours is more than one array of 500 for most bands
    public void Run_BurstsOldestFirst_SameAlertsAsInOrderDelivery(int hours)
    {
        var report = DeliveryOrderCheck.Run(24, 5, 3, Start, TimeSpan.FromHours(hours), shuffle: false);

        Assert.True(report.Same, report.ToTable());
        Assert.True(report.Rules.Sum(r => r.Value.Matched) >= 20, $"too few alerts to compare: {report.ToTable()}");
        Assert.Contains(nameof(Vigil.Domain.Rules.RuleKind.NotWorn), report.Rules.Keys);
    }

    [Fact]
    public void Run_SweepConfirmsRemovalsFromSilence_BurstRaisesNotWornThatInOrderDoesNot()
    {
        // The check must be able to fail: as the engine was before P4's check, a tick confirms "not worn" however long
        // the band has been silent, and bands out of coverage just after a moment off the wrist are alerted.
        var report = DeliveryOrderCheck.Run(24, 5, 3, Start, TimeSpan.FromHours(2), shuffle: false,
            new Vigil.Domain.Rules.RuleOptions { WearTimerFreshness = TimeSpan.FromDays(30) });

        Assert.False(report.Same);
        Assert.Contains(report.OnlyBurst, a => a.Rule == nameof(Vigil.Domain.Rules.RuleKind.NotWorn));
        Assert.Empty(report.OnlyInOrder);
    }
}
