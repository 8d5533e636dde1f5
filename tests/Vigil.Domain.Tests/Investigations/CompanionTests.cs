using Vigil.Domain.Investigations;

namespace Vigil.Domain.Tests.Investigations;

public class CompanionTests
{
    private const double Lat = 21.0300, Lon = 105.8500;
    private const double TenMetresNorth = 0.00009;
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid Target = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Friend = new("00000000-0000-0000-0000-0000000000a2");
    private static readonly Guid Stranger = new("00000000-0000-0000-0000-0000000000a3");

    [Fact]
    public void Find_NearbyWithinTolerance_OneCompanionWithMinutesTogether()
    {
        var track = Minutes(Target, 0, 10, Lat);
        var friend = Minutes(Friend, 0, 10, Lat + (3 * TenMetresNorth), seconds: 30);

        var companion = Assert.Single(Companion.Find(Target, track, friend, 50, TimeSpan.FromMinutes(2), 3));

        Assert.Equal((Friend, 10, 10), (companion.PersonId, companion.Encounters, companion.MinutesTogether));
        Assert.Equal((Start.AddSeconds(30), Start.AddMinutes(9).AddSeconds(30)), (companion.FirstAt, companion.LastAt));
        Assert.InRange(companion.ClosestMeters, 29, 31);
        Assert.Equal(3, companion.Samples.Count);
        Assert.Equal(companion.FirstAt, companion.Samples[0].Other.MeasuredAt);
        Assert.Equal(companion.LastAt, companion.Samples[^1].Other.MeasuredAt);
    }

    [Fact]
    public void Find_FartherThanTheRadius_NoCompanion()
    {
        var track = Minutes(Target, 0, 10, Lat);
        var stranger = Minutes(Stranger, 0, 10, Lat + (6 * TenMetresNorth));

        Assert.Empty(Companion.Find(Target, track, stranger, 50, TimeSpan.FromMinutes(2), 3));
    }

    [Fact]
    public void Find_SamePlaceHoursLater_NoCompanion()
    {
        var track = Minutes(Target, 0, 10, Lat);
        var later = Minutes(Friend, 180, 10, Lat);

        Assert.Empty(Companion.Find(Target, track, later, 50, TimeSpan.FromMinutes(2), 3));
    }

    [Fact]
    public void Find_JustOutsideTheTolerance_NoCompanion()
    {
        var track = Minutes(Target, 0, 1, Lat);
        var other = new[] { new PersonFix(Friend, "VG-2", Start.AddMinutes(2).AddSeconds(1), Lat, Lon, 8) };

        Assert.Empty(Companion.Find(Target, track, other, 50, TimeSpan.FromMinutes(2), 3));
        Assert.Single(Companion.Find(Target, track, other, 50, TimeSpan.FromMinutes(3), 3));
    }

    [Fact]
    public void Find_ThePersonsOwnFixes_NeverACompanion()
    {
        var track = Minutes(Target, 0, 10, Lat);

        Assert.Empty(Companion.Find(Target, track, track, 50, TimeSpan.FromMinutes(2), 3));
    }

    [Fact]
    public void Find_ManyFixesInOneMinute_CountOnceAsAMinute()
    {
        var track = Minutes(Target, 0, 1, Lat);
        var chatty = Enumerable.Range(0, 6).Select(i => new PersonFix(Friend, "VG-2", Start.AddSeconds(i * 10), Lat, Lon, 8));

        var companion = Assert.Single(Companion.Find(Target, track, chatty, 50, TimeSpan.FromMinutes(2), 3));

        Assert.Equal((6, 1), (companion.Encounters, companion.MinutesTogether));
    }

    [Fact]
    public void Find_MostTimeTogetherFirst()
    {
        var track = Minutes(Target, 0, 10, Lat);
        var others = Minutes(Stranger, 0, 2, Lat).Concat(Minutes(Friend, 0, 8, Lat));

        Assert.Equal([Friend, Stranger], Companion.Find(Target, track, others, 50, TimeSpan.FromMinutes(2), 3).Select(c => c.PersonId));
    }

    private static List<PersonFix> Minutes(Guid person, int fromMinute, int count, double lat, int seconds = 0) =>
        [.. Enumerable.Range(fromMinute, count).Select(m => new PersonFix(person, $"VG-{person.ToString()[^1]}", Start.AddMinutes(m).AddSeconds(seconds), lat, Lon, 8))];
}
