using Vigil.Domain.Scope;

namespace Vigil.Domain.Tests.Scope;

public class ZoneTests
{
    private const string HanoiSquare =
        """{"type":"Polygon","coordinates":[[[105.850,21.024],[105.858,21.024],[105.858,21.032],[105.850,21.032],[105.850,21.024]]]}""";

    [Fact]
    public void Shape_StoredGeoJson_ParsedAsPolygon()
    {
        var zone = new Zone { Name = "Nhà", Kind = ZoneKind.Residence, GeometryGeoJson = HanoiSquare };

        Assert.True(zone.Shape.Contains(21.028, 105.854));
        Assert.NotNull(zone.Shape.Polygon);
    }

    [Fact]
    public void Shape_NoGeoJson_IsTheStoredCircle()
    {
        var zone = new Zone { Name = "Nơi làm việc", Kind = ZoneKind.Work, CenterLat = 21.0288, CenterLon = 105.8525, RadiusMeters = 300 };

        Assert.Null(zone.Shape.Polygon);
        Assert.Equal(300, zone.Shape.RadiusMeters);
        Assert.True(zone.Shape.Contains(21.0290, 105.8525));
    }

    [Fact]
    public void Shape_BadStoredGeometry_ErrorNamesGeometry()
    {
        var zone = new Zone { Name = "x", GeometryGeoJson = """{"type":"Point","coordinates":[105.85,21.02]}""" };

        var e = Assert.Throws<DomainException>(() => zone.Shape);

        Assert.Equal("geometry.type", e.Field);
    }

    [Fact]
    public void Schedule_NoneStored_NullMeaningAlways()
    {
        var zone = new Zone { Name = "Nhà", GeometryGeoJson = HanoiSquare };

        Assert.Null(zone.Schedule);
    }

    [Fact]
    public void Schedule_Stored_ParsedFromJson()
    {
        var stored = WeeklySchedule.Parse([(["monday"], "07:00", "18:00")]).ToJson();
        var zone = new Zone { Name = "Nơi làm việc", Kind = ZoneKind.Work, GeometryGeoJson = HanoiSquare, ScheduleJson = stored };

        var window = Assert.Single(zone.Schedule!.Windows);
        Assert.Equal([DayOfWeek.Monday], window.Days);
        Assert.True(zone.Schedule.AppliesAt(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero)));
    }
}
