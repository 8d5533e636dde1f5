using Vigil.Domain.Gatherings;
using Vigil.Domain.Geo;

namespace Vigil.Domain.Tests.Gatherings;

/// <summary>The position the gathering test uses: a few minutes of a device's fixes, weighted by their accuracy.</summary>
public class PositionEstimateTests
{
    private const double Lat = 21.0300, Lon = 105.8500;
    private const double TenMetres = 0.00009;
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly GatheringOptions Options = new();

    [Fact]
    public void Of_WifiFixesScatteredAroundAPlace_WeightedMeanNearIt_UncertaintyBelowEachFix()
    {
        TrailFix[] fixes =
        [
            Fix(-6, 6, 0, 100), Fix(-5, -4, 0, 40), Fix(-4, 0, 5, 60), Fix(-3, 0, -5, 60), Fix(-1, 3, 3, 200), // the last: a cell fix
        ];

        var estimate = Assert.IsType<LatestPosition>(PositionEstimate.Of(Person, Now, fixes, Options));

        Assert.InRange(GeoMath.HaversineMeters(Lat, Lon, estimate.Lat, estimate.Lon), 0, 25);
        Assert.InRange(estimate.AccuracyMeters!.Value, 20, 40);
        Assert.Equal(Now.AddMinutes(-3), estimate.MeasuredAt); // the cell fix is left out
    }

    [Fact]
    public void Of_ArrivedFromFarAway_HereSinceTheFirstFixAtThePlace()
    {
        // Two fixes 300 m off (on the way), then four at the place: here since the first of those four.
        TrailFix[] fixes = [Fix(-7, 30, 0, 15), Fix(-6, 30, 5, 15), Fix(-5, 0, 1, 20), Fix(-4, 1, 0, 20), Fix(-3, 0, 0, 20), Fix(-2, 1, 1, 20)];

        var estimate = Assert.IsType<LatestPosition>(PositionEstimate.Of(Person, Now, fixes, Options));

        Assert.Equal((Now.AddMinutes(-5), true), (estimate.HereSince, estimate.ArrivalSeen));
        Assert.InRange(GeoMath.HaversineMeters(Lat, Lon, estimate.Lat, estimate.Lon), 0, 15);
    }

    [Fact]
    public void Of_WifiFixesAllAtThePlace_HereAsLongAsTheFixesGoBack_NoArrivalSeen()
    {
        // Regression (D6, seed 7): people sitting at neighbouring places were "here since" the window's start and so,
        // back-dated, together ten minutes after their noisy estimates first met. Nothing shows an arrival here.
        TrailFix[] fixes = [Fix(-7, 0, 0, 100), Fix(-6, 5, -4, 120), Fix(-5, -6, 0, 40), Fix(-3, 6, 6, 90), Fix(-2, 0, -7, 60), Fix(-1, 1, 1, 50)];

        var estimate = Assert.IsType<LatestPosition>(PositionEstimate.Of(Person, Now, fixes, Options));

        Assert.Equal((Now.AddMinutes(-7), false), (estimate.HereSince, estimate.ArrivalSeen));
    }

    [Fact]
    public void Of_PreciseFixesOnTheWayThenWifiAtThePlace_EstimateAtThePlace()
    {
        // Regression (D6, seed 1): five GNSS fixes of the ride (10–15 m) outweighed three wifi fixes at the door, and the
        // estimate was one of the ride's fixes 350 m away. The two newest agree with each other: that is where they are.
        TrailFix[] fixes =
        [
            Fix(-7, -90, 30, 10), Fix(-6.5, -70, 25, 12), Fix(-6, -50, 20, 10), Fix(-5.5, -35, 15, 15), Fix(-5, -20, 10, 12),
            Fix(-4, 0, 0, 100), Fix(-2, -3, 3, 20), Fix(-1, 2, -3, 60),
        ];

        var estimate = Assert.IsType<LatestPosition>(PositionEstimate.Of(Person, Now, fixes, Options));

        Assert.InRange(GeoMath.HaversineMeters(Lat, Lon, estimate.Lat, estimate.Lon), 0, 40);
        Assert.Equal((Now.AddMinutes(-4), true), (estimate.HereSince, estimate.ArrivalSeen));
    }

    [Fact]
    public void Of_AJumpFarBeyondItsAccuracy_LeftOut()
    {
        TrailFix[] fixes = [Fix(-4, 0, 0, 20), Fix(-3, 1, 0, 20), Fix(-2, 0, 1, 20), Fix(-1, 30, 0, 30)]; // 300 m off, says 30 m

        var estimate = Assert.IsType<LatestPosition>(PositionEstimate.Of(Person, Now, fixes, Options));

        Assert.InRange(GeoMath.HaversineMeters(Lat, Lon, estimate.Lat, estimate.Lon), 0, 15);
    }

    [Fact]
    public void Of_NoUsableFixInTheWindow_NoPosition()
    {
        Assert.Null(PositionEstimate.Of(Person, Now, [Fix(-9, 0, 0, 20), Fix(-2, 0, 0, 800)], Options));
        Assert.Null(PositionEstimate.Of(Person, Now, [Fix(1, 0, 0, 20)], Options)); // measured after now
    }

    [Fact]
    public void With_KeepsAtMostCapacityWithinTheWindow_LateFixSlotsIn_RepeatIgnored()
    {
        var trail = FixTrail.Of(Fix(-20, 0, 0, 20));
        for (var minute = -10; minute <= 0; minute++)
        {
            trail = trail.With(Fix(minute, 0, 0, 20), Options.StaleAfter);
        }

        Assert.Equal(FixTrail.Capacity, trail.Fixes.Count);
        Assert.Equal(Now, trail.Newest.MeasuredAt);
        Assert.Equal(Now.AddMinutes(-FixTrail.Capacity + 1), trail.Fixes[0].MeasuredAt);

        var late = trail.With(Fix(-0.5, 1, 1, 20), Options.StaleAfter);
        Assert.Equal(Now.AddMinutes(-0.5), late.Fixes[^2].MeasuredAt);
        Assert.Same(late, late.With(Fix(-0.5, 2, 2, 20), Options.StaleAfter));

        var gap = trail.With(Fix(60, 0, 0, 20), Options.StaleAfter); // an hour on: the old fixes age out
        Assert.Single(gap.Fixes);
    }

    [Theory]
    [InlineData(21.0285113, 105.8542001)]
    [InlineData(8.6, 104.72)]
    [InlineData(-90, -180)]
    [InlineData(90, 180)]
    public void TrailFix_KeepsSevenDecimals_In20Bytes(double lat, double lon)
    {
        var fix = TrailFix.Of(Now, lat, lon, 12.5);

        Assert.Equal((lat, lon, 12.5f, Now), (fix.Lat, fix.Lon, fix.AccuracyMeters, fix.MeasuredAt));
        Assert.Equal(20, System.Runtime.CompilerServices.Unsafe.SizeOf<TrailFix>());
    }

    private static TrailFix Fix(double minutes, double northTens, double eastTens, double accuracy) =>
        TrailFix.Of(Now.AddMinutes(minutes), Lat + (northTens * TenMetres), Lon + (eastTens * TenMetres), accuracy);
}
