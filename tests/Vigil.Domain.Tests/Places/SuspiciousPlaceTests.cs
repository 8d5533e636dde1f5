using Vigil.Domain.Geo;
using Vigil.Domain.Investigations;
using Vigil.Domain.Places;

namespace Vigil.Domain.Tests.Places;

public sealed class SuspiciousPlaceTests
{
    private static readonly PlaceMiningOptions Options = new();

    // 23:00 on Sunday 22 November 2026, Vietnam time.
    private static readonly DateTimeOffset Night = new(2026, 11, 22, 16, 0, 0, TimeSpan.Zero);
    private const double Lat = 21.0400, Lon = 105.8400;

    [Fact]
    public void Find_TwoHoursInOnePlace_OneDwellOfThatNight()
    {
        var person = Guid.NewGuid();
        var dwells = NightDwell.Find(person, Track(person, Night, 120, Lat, Lon), Options);

        var dwell = Assert.Single(dwells);
        Assert.Equal(new DateOnly(2026, 11, 22), dwell.Night);
        Assert.Equal(TimeSpan.FromMinutes(119), dwell.Duration);
        Assert.Equal(Lat + 0.0001, dwell.Lat, 6); // the centre of the fixes
    }

    [Fact]
    public void Find_AfterMidnight_CountsForTheEveningBefore()
    {
        var person = Guid.NewGuid();
        var dwell = Assert.Single(NightDwell.Find(person, Track(person, Night.AddHours(3), 90, Lat, Lon), Options));
        Assert.Equal(new DateOnly(2026, 11, 22), dwell.Night);
    }

    [Fact]
    public void Find_FiftyMinutes_NoDwell()
    {
        var person = Guid.NewGuid();
        Assert.Empty(NightDwell.Find(person, Track(person, Night, 50, Lat, Lon), Options));
    }

    [Fact]
    public void Find_Walking_NoDwell()
    {
        var person = Guid.NewGuid();
        // 80 m a minute for two hours.
        var track = Enumerable.Range(0, 120).Select(i => new PersonFix(person, "D", Night.AddMinutes(i), Lat + (i * 0.00072), Lon, 10));
        Assert.Empty(NightDwell.Find(person, track, Options));
    }

    [Fact]
    public void Find_LongSilenceInside_TwoShortRunsNoDwell()
    {
        var person = Guid.NewGuid();
        var track = Track(person, Night, 40, Lat, Lon).Concat(Track(person, Night.AddMinutes(80), 40, Lat, Lon));
        Assert.Empty(NightDwell.Find(person, track, Options));
    }

    [Fact]
    public void Find_ImpreciseFixes_Ignored()
    {
        var person = Guid.NewGuid();
        var track = Track(person, Night, 120, Lat, Lon).Select(f => f with { AccuracyMeters = 800 });
        Assert.Empty(NightDwell.Find(person, track, Options));
    }

    [Fact]
    public void Rank_TwoPeopleAtNightInOnePlace_OneSuspiciousPlaceWithBoth()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var dwells = new[] { Dwell(a, 0, Lat, Lon), Dwell(b, 0, Lat + 0.0003, Lon), Dwell(a, 1, Lat, Lon + 0.0002) };

        var place = Assert.Single(SuspiciousPlace.Rank(dwells, [], Options));
        Assert.Equal((2, 2, 0), (place.People, place.Nights, place.Gatherings));
        Assert.Equal((2 * 2) + 2, place.Score);
        Assert.Equal(3, place.Dwells.Count);
    }

    [Fact]
    public void Rank_OnePersonManyNights_NotSuspicious()
    {
        var a = Guid.NewGuid();
        Assert.Empty(SuspiciousPlace.Rank(Enumerable.Range(0, 5).Select(n => Dwell(a, n, Lat, Lon)), [], Options));
    }

    [Fact]
    public void Rank_PeopleFarApart_NoPlace()
    {
        var dwells = new[] { Dwell(Guid.NewGuid(), 0, Lat, Lon), Dwell(Guid.NewGuid(), 0, Lat + 0.01, Lon) };
        Assert.Empty(SuspiciousPlace.Rank(dwells, [], Options));
    }

    [Fact]
    public void Rank_OnACellBoundary_StillOnePlace()
    {
        // Two dwells 40 m apart on either side of a ~200 m grid line.
        var boundary = Enumerable.Range(0, 2000).Select(i => Lat + (i * 0.00001))
            .First(l => GeoCell.Of(l, Lon) != GeoCell.Of(l + 0.00036, Lon));
        var dwells = new[] { Dwell(Guid.NewGuid(), 0, boundary, Lon), Dwell(Guid.NewGuid(), 0, boundary + 0.00036, Lon) };

        var place = Assert.Single(SuspiciousPlace.Rank(dwells, [], Options));
        Assert.Equal(2, place.People);
    }

    [Fact]
    public void Rank_RecurringGatherings_RankAboveASingleNight()
    {
        var members = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var gatherings = new[]
        {
            new PastGathering(Guid.NewGuid(), Night, Night.AddHours(1), Lat, Lon, members),
            new PastGathering(Guid.NewGuid(), Night.AddDays(2), Night.AddDays(2).AddHours(1), Lat + 0.0002, Lon, members[..2]),
            new PastGathering(Guid.NewGuid(), Night.AddDays(3), null, Lat + 0.05, Lon, members), // once elsewhere: not recurring
        };
        var dwells = new[] { Dwell(Guid.NewGuid(), 0, Lat - 0.02, Lon), Dwell(Guid.NewGuid(), 0, Lat - 0.02, Lon) };

        var ranked = SuspiciousPlace.Rank(dwells, gatherings, Options);

        Assert.Equal(2, ranked.Count);
        Assert.Equal((2, 3, (3 * 2) + (2 * 3)), (ranked[0].Gatherings, ranked[0].People, ranked[0].Score));
        Assert.Equal(2, ranked[1].People);
    }

    private static IEnumerable<PersonFix> Track(Guid person, DateTimeOffset from, int minutes, double lat, double lon) =>
        Enumerable.Range(0, minutes).Select(i => new PersonFix(person, "D", from.AddMinutes(i), lat + ((i % 3) * 0.0001), lon, 20));

    private static NightDwell Dwell(Guid person, int night, double lat, double lon) =>
        new(person, new DateOnly(2026, 11, 22).AddDays(night), Night.AddDays(night), Night.AddDays(night).AddHours(2), lat, lon, 120);
}
