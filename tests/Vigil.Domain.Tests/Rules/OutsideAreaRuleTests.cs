using Vigil.Domain.Rules;
using static Vigil.Domain.Tests.Rules.RuleTestKit;

namespace Vigil.Domain.Tests.Rules;

public sealed class OutsideAreaRuleTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void OnMessage_TwentyMinutesFiveKmOutside_OneAlertAtFifteenMinutes()
    {
        var kit = new RuleTestKit();
        var signals = kit.Track(Monday10, TimeSpan.FromMinutes(20), Minute, _ => North(Home, 5000));

        var raised = Assert.Single(signals, s => s.Kind == SignalKind.Raised);
        Assert.Equal(RuleKind.OutsideArea, raised.Rule);
        Assert.Equal(Monday10, raised.ConditionSince);
        Assert.Equal(Monday10.AddMinutes(15), raised.At);
        Assert.Equal(5, raised.Rule.ViolationNumber());
        Assert.Equal("15", raised.Parameters["dwellMinutes"]);
        Assert.NotEmpty(raised.Evidence);
    }

    [Fact]
    public void OnMessage_BufferedUploadOfTwentyMinutes_JudgedOnMeasurementTime()
    {
        var kit = new RuleTestKit();
        var uploadedAt = Monday10.AddMinutes(25);
        var signals = kit.Track(Monday10, TimeSpan.FromMinutes(20), Minute, _ => North(Home, 5000), receivedAt: uploadedAt);

        var raised = Assert.Single(signals, s => s.Kind == SignalKind.Raised);
        Assert.Equal(Monday10.AddMinutes(15), raised.At);
    }

    [Fact]
    public void OnMessage_OneNoisyFixOutside_NoAlert()
    {
        var kit = new RuleTestKit();
        var signals = kit.Track(Monday10, TimeSpan.FromHours(1), Minute, i => i == 10 ? North(Home, 3000) : Home);
        Assert.Empty(signals);
    }

    [Fact]
    public void OnMessage_IndoorDriftAtTheEdgeWithLargeAccuracy_NoAlert()
    {
        // 100 m beyond the 150 m residence circle, but each fix only claims 120 m accuracy.
        var kit = new RuleTestKit();
        var signals = kit.Track(Monday10.AddHours(10), TimeSpan.FromHours(2), Minute, _ => North(Home, 250), acc: 120);
        Assert.Empty(signals);
    }

    [Fact]
    public void OnMessage_FixesWorseThanUsableAccuracy_Ignored()
    {
        var kit = new RuleTestKit();
        var signals = kit.Track(Monday10.AddHours(10), TimeSpan.FromHours(1), Minute, _ => North(Home, 5000), acc: 1500);
        Assert.Empty(signals);
    }

    [Fact]
    public void OnMessage_BackInsideAfterAlert_EndsOnce()
    {
        var kit = new RuleTestKit();
        var signals = kit.Track(Monday10, TimeSpan.FromMinutes(30), Minute, i => i < 20 ? North(Home, 5000) : Home);
        Assert.Single(signals, s => s.Kind == SignalKind.Raised);
        var ended = Assert.Single(signals, s => s.Kind == SignalKind.Ended);
        Assert.Equal(Monday10.AddMinutes(20), ended.At);
    }

    [Fact]
    public void OnMessage_WorkZoneOnlyInWorkingHours_OutsideStartsAtSixPmVietnamTime()
    {
        var kit = new RuleTestKit();
        var monday1700Local = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var signals = kit.Track(monday1700Local, TimeSpan.FromHours(2), Minute, _ => Work);

        var raised = Assert.Single(signals, s => s.Kind == SignalKind.Raised);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero), raised.ConditionSince);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 11, 15, 0, TimeSpan.Zero), raised.At);
    }

    [Fact]
    public void OnMessage_WorkZoneOnSaturday_DoesNotApply()
    {
        var kit = new RuleTestKit();
        var saturday10 = Monday10.AddDays(5);
        var signals = kit.Track(saturday10, TimeSpan.FromMinutes(30), Minute, _ => Work);
        Assert.Single(signals, s => s.Kind == SignalKind.Raised);
    }

    [Fact]
    public void OnMessage_ApprovedTravel_NoAlert()
    {
        var kit = new RuleTestKit();
        kit.Case = kit.Case with { ApprovedTravel = [new TimeWindow(Monday10.AddMinutes(-5), Monday10.AddHours(3))] };
        var signals = kit.Track(Monday10, TimeSpan.FromHours(1), Minute, _ => North(Home, 20000));
        Assert.Empty(signals);
    }

    [Fact]
    public void OnMessage_SuspensionBeginsMidway_NoAlert()
    {
        var kit = new RuleTestKit();
        kit.Case = kit.Case with
        {
            Monitored = [new TimeWindow(Monday10.AddDays(-30), Monday10.AddMinutes(10)), new TimeWindow(Monday10.AddHours(5), null)],
        };
        var signals = kit.Track(Monday10, TimeSpan.FromHours(1), Minute, _ => North(Home, 5000));
        Assert.DoesNotContain(signals, s => s.Kind == SignalKind.Raised);
    }

    [Fact]
    public void OnMessage_LateOlderMessageInside_DoesNotResetTheDwell()
    {
        var kit = new RuleTestKit();
        var signals = new List<RuleSignal>();
        signals.AddRange(kit.Track(Monday10, TimeSpan.FromMinutes(10), Minute, _ => North(Home, 5000)));
        signals.AddRange(kit.Send(kit.Message(Monday10.AddMinutes(-30), Home)).Signals);
        signals.AddRange(kit.Track(Monday10.AddMinutes(11), TimeSpan.FromMinutes(5), Minute, _ => North(Home, 5000)));

        var raised = Assert.Single(signals, s => s.Kind == SignalKind.Raised);
        Assert.Equal(Monday10, raised.ConditionSince);
    }

    [Fact]
    public void OnMessage_NoScopeRegistered_NoAlert()
    {
        var kit = new RuleTestKit();
        kit.Case = kit.Case with { Scopes = [] };
        Assert.Empty(kit.Track(Monday10, TimeSpan.FromHours(1), Minute, _ => North(Home, 5000)));
    }

    [Fact]
    public void OnMessage_NewScopeVersionCoversTheNewPlace_JudgedByTheVersionInForce()
    {
        var kit = new RuleTestKit();
        var newHome = North(Home, 5000);
        var change = Monday10.AddMinutes(5);
        kit.Case = kit.Case with
        {
            Scopes =
            [
                new ScopeSnapshot(new TimeWindow(Monday10.AddDays(-30), change), [Residence(150)]),
                new ScopeSnapshot(new TimeWindow(change, null),
                    [new ZoneSnapshot(Guid.NewGuid(), Domain.Scope.ZoneKind.Residence, "Nhà mới", Domain.Scope.ZoneShape.Circle(newHome.Lat, newHome.Lon, 150, "t"), null)]),
            ],
        };
        Assert.Empty(kit.Track(Monday10, TimeSpan.FromHours(1), Minute, _ => newHome));
    }
}
