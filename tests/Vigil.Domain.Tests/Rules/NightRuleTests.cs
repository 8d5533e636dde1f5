using Vigil.Domain.Rules;
using static Vigil.Domain.Tests.Rules.RuleTestKit;

namespace Vigil.Domain.Tests.Rules;

public sealed class NightRuleTests
{
    /// <summary>Monday 2026-11-23 22:00 in Vietnam.</summary>
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static RuleTestKit KitWithWideTravelZone()
    {
        // A travel zone over the whole city, so that only the night rule can fire.
        var kit = new RuleTestKit();
        var travel = new ZoneSnapshot(Guid.NewGuid(), Domain.Scope.ZoneKind.Travel, "Thành phố", Domain.Scope.ZoneShape.Circle(Home.Lat, Home.Lon, 20000, "t"), null);
        kit.Case = kit.Case with { Scopes = [new ScopeSnapshot(new TimeWindow(Monday10.AddDays(-30), null), [Residence(150), travel])] };
        return kit;
    }

    private static List<RuleSignal> Nights(RuleTestKit kit, int nights, Func<int, (double Lat, double Lon)> where)
    {
        var signals = new List<RuleSignal>();
        for (var n = 0; n < nights; n++)
        {
            // A fix every 30 minutes from 22:00 to 05:00, then one at 08:00 that closes the night.
            signals.AddRange(kit.Track(MondayNight.AddDays(n), TimeSpan.FromHours(7), TimeSpan.FromMinutes(30), _ => where(n)));
            signals.AddRange(kit.Send(kit.Message(MondayNight.AddDays(n).AddHours(10), Home)).Signals);
        }

        return signals;
    }

    [Fact]
    public void Nights_ThreeInARowAway_ResidenceChangeAfterTheThird()
    {
        var kit = KitWithWideTravelZone();
        var signals = Nights(kit, 3, _ => North(Home, 3000));
        var raised = Assert.Single(signals, s => s.Kind == SignalKind.Raised);
        Assert.Equal(RuleKind.ResidenceChangeUnreported, raised.Rule);
        Assert.Equal(6, raised.Rule.ViolationNumber());
        Assert.Equal(3, raised.Evidence.Count);

        // Closed at 05:00 (Vietnam) on Thursday morning by the fix taken then.
        Assert.Equal(MondayNight.AddDays(2).AddHours(7), raised.At);
    }

    [Fact]
    public void Nights_TwoAwayOneHomeTwoAway_NoAlert()
    {
        var kit = KitWithWideTravelZone();
        Assert.Empty(Nights(kit, 5, n => n == 2 ? Home : North(Home, 3000)));
    }

    [Fact]
    public void Nights_AwayButResidenceChangeReported_NoAlert()
    {
        var kit = KitWithWideTravelZone();
        kit.Case = kit.Case with { ResidenceChangeReported = [new TimeWindow(MondayNight.AddDays(-1), null)] };
        Assert.Empty(Nights(kit, 4, _ => North(Home, 3000)));
    }

    [Fact]
    public void Nights_AwayNightWithTooFewFixes_BreaksTheRun()
    {
        var kit = KitWithWideTravelZone();
        var signals = new List<RuleSignal>();
        signals.AddRange(Nights(kit, 2, _ => North(Home, 3000)));
        signals.AddRange(kit.Send(kit.Message(MondayNight.AddDays(2).AddHours(1), North(Home, 3000))).Signals);
        signals.AddRange(kit.Send(kit.Message(MondayNight.AddDays(2).AddHours(10), Home)).Signals);
        Assert.Empty(signals);
    }

    [Fact]
    public void OnTick_NightClosedByTime_WithoutAFixInTheMorning()
    {
        var kit = KitWithWideTravelZone();
        var signals = new List<RuleSignal>();
        for (var n = 0; n < 3; n++)
        {
            signals.AddRange(kit.Track(MondayNight.AddDays(n), TimeSpan.FromHours(6.5), TimeSpan.FromMinutes(30), _ => North(Home, 3000)));
            signals.AddRange(kit.Tick(MondayNight.AddDays(n).AddHours(7)).Where(s => s.Rule != RuleKind.Offline));
        }

        var raised = Assert.Single(signals, s => s.Kind == SignalKind.Raised);
        Assert.Equal(MondayNight.AddDays(2).AddHours(7), raised.At);
    }

    [Fact]
    public void OnTick_NightClosedThenAFixOfItArrives_DoesNotBreakTheRun()
    {
        // Regression (found by the quality harness): the sweep judged the night at 05:00, then a fix measured at 04:59:50
        // arrived and opened the same night again with one fix; judged "unknown", it reset the run of nights away.
        var kit = KitWithWideTravelZone();
        var signals = new List<RuleSignal>();
        for (var n = 0; n < 3; n++)
        {
            var closes = MondayNight.AddDays(n).AddHours(7);
            signals.AddRange(kit.Track(MondayNight.AddDays(n), TimeSpan.FromHours(6.5), TimeSpan.FromMinutes(30), _ => North(Home, 3000)));
            signals.AddRange(kit.Tick(closes.AddSeconds(10)).Where(s => s.Rule != RuleKind.Offline));
            signals.AddRange(kit.Send(kit.Message(closes.AddSeconds(-10), North(Home, 3000)), closes.AddSeconds(15)).Signals);
        }

        var raised = Assert.Single(signals, s => s.Kind == SignalKind.Raised);
        Assert.Equal(RuleKind.ResidenceChangeUnreported, raised.Rule);
    }
}
