using Vigil.Domain.Rules;
using static Vigil.Domain.Tests.Rules.RuleTestKit;

namespace Vigil.Domain.Tests.Rules;

public sealed class CaseSnapshotTests
{
    [Fact]
    public void DeadlineAfter_MonitoringEndsFirst_Null()
    {
        var snapshot = new CaseSnapshot { Monitored = [new TimeWindow(Monday10, Monday10.AddHours(2))] };
        Assert.Null(snapshot.DeadlineAfter(Monday10, TimeSpan.FromHours(3)));
        Assert.Equal(Monday10.AddHours(1), snapshot.DeadlineAfter(Monday10, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void DeadlineAfter_StartDuringSuspension_CountsFromResumption()
    {
        var snapshot = new CaseSnapshot { Monitored = [new TimeWindow(Monday10, Monday10.AddHours(1)), new TimeWindow(Monday10.AddHours(5), null)] };
        Assert.Equal(Monday10.AddHours(7), snapshot.DeadlineAfter(Monday10.AddHours(2), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void DeadlineAfter_WindowsGivenOutOfOrder_SameAsInOrder()
    {
        TimeWindow[] windows = [new TimeWindow(Monday10.AddHours(5), null), new TimeWindow(Monday10, Monday10.AddHours(1))];
        var snapshot = new CaseSnapshot { Monitored = windows };
        Assert.Equal(Monday10.AddHours(6), snapshot.DeadlineAfter(Monday10, TimeSpan.FromHours(2)));
        Assert.Equal([Monday10, Monday10.AddHours(5)], snapshot.Monitored.Select(w => w.From));

        TimeWindow[] ordered = [.. windows.Reverse()];
        Assert.Same(ordered, new CaseSnapshot { Monitored = ordered }.Monitored); // kept as given: no copy per actor
    }

    [Fact]
    public void ZonesAt_ScheduleAndVersion_OnlyApplicableZones()
    {
        var kit = new RuleTestKit();
        Assert.Equal(2, kit.Case.ZonesAt(Monday10).Count());
        Assert.Single(kit.Case.ZonesAt(Monday10.AddHours(10)));
        Assert.Empty(kit.Case.ZonesAt(Monday10.AddDays(-31)));
    }
}
