using Vigil.Domain.Investigations;
using Vigil.Domain.Scope;

namespace Vigil.Domain.Tests.Investigations;

public class PlaceVisitTests
{
    private const double Lat = 21.0300, Lon = 105.8500;
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 14, 0, 0, TimeSpan.Zero);
    private static readonly Guid Long = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Brief = new("00000000-0000-0000-0000-0000000000a2");
    private static readonly Guid Outside = new("00000000-0000-0000-0000-0000000000a3");
    private static readonly ZoneShape Area = ZoneShape.Circle(Lat, Lon, 100, "circle");

    [Fact]
    public void Find_FixesInsideTheArea_GroupedByPersonLongestFirst()
    {
        var fixes = Fixes(Long, 30, Lat).Concat(Fixes(Brief, 3, Lat + 0.0005)).Concat(Fixes(Outside, 30, Lat + 0.0020));

        var visits = PlaceVisit.Find(fixes, Area, 5);

        Assert.Equal([Long, Brief], visits.Select(v => v.PersonId));
        Assert.Equal((Start, Start.AddMinutes(29), 30), (visits[0].FirstSeenAt, visits[0].LastSeenAt, visits[0].Fixes));
        Assert.Equal([Start, Start.AddMinutes(7), Start.AddMinutes(14), Start.AddMinutes(22), Start.AddMinutes(29)], visits[0].Samples.Select(s => s.MeasuredAt));
        Assert.Equal(3, visits[1].Samples.Count);
    }

    [Fact]
    public void Find_NoFixInside_Empty()
    {
        Assert.Empty(PlaceVisit.Find(Fixes(Outside, 10, Lat + 0.0020), Area, 5));
    }

    private static IEnumerable<PersonFix> Fixes(Guid person, int count, double lat) =>
        Enumerable.Range(0, count).Select(m => new PersonFix(person, "VG-1", Start.AddMinutes(m), lat, Lon, 8));
}
