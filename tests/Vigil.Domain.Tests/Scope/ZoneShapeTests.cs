using System.Text.Json;
using Vigil.Domain.Scope;

namespace Vigil.Domain.Tests.Scope;

public class ZoneShapeTests
{
    // A square of about 830 m × 890 m around Hoàn Kiếm lake, Hanoi (21.028 N, 105.854 E).
    private static readonly double[][] HanoiRing =
        [[105.850, 21.024], [105.858, 21.024], [105.858, 21.032], [105.850, 21.032], [105.850, 21.024]];

    private static readonly double[][] HoleRing =
        [[105.853, 21.027], [105.855, 21.027], [105.855, 21.029], [105.853, 21.029], [105.853, 21.027]];

    // ---- Polygons accepted ----

    [Fact]
    public void FromGeoJson_SquareInHanoi_AcceptedAndContainsItsCentre()
    {
        var shape = ZoneShape.FromGeoJson(Polygon(HanoiRing), "geometry");

        Assert.NotNull(shape.Polygon);
        Assert.Null(shape.RadiusMeters);
        Assert.True(shape.Contains(21.028, 105.854));
        Assert.False(shape.Contains(21.040, 105.854));
        Assert.False(shape.Contains(21.028, 105.860));
    }

    [Fact]
    public void Contains_PointOnTheEdge_Inside()
    {
        var shape = ZoneShape.FromGeoJson(Polygon(HanoiRing), "geometry");

        Assert.True(shape.Contains(21.024, 105.854));
    }

    [Fact]
    public void AreaSquareMeters_SquareInHanoi_AboutThreeQuartersOfASquareKilometre()
    {
        var shape = ZoneShape.FromGeoJson(Polygon(HanoiRing), "geometry");

        // 0.008° of latitude ≈ 889.6 m; 0.008° of longitude at 21.03° N ≈ 830.5 m.
        Assert.InRange(ZoneShape.AreaSquareMeters(shape.Polygon!), 735_000, 743_000);
    }

    [Fact]
    public void FromGeoJson_PolygonWithHole_HoleIsOutside()
    {
        var shape = ZoneShape.FromGeoJson(Polygon(HanoiRing, HoleRing), "geometry");

        Assert.False(shape.Contains(21.028, 105.854));
        Assert.True(shape.Contains(21.025, 105.851));
    }

    [Fact]
    public void FromGeoJson_MultiPolygon_ContainsEachPartNotTheGap()
    {
        var json = JsonSerializer.Serialize(new { type = "MultiPolygon", coordinates = new[] { new[] { HanoiRing }, new[] { Shifted(HanoiRing, 0.02) } } });

        var shape = ZoneShape.FromGeoJson(json, "geometry");

        Assert.True(shape.Contains(21.028, 105.854));
        Assert.True(shape.Contains(21.028, 105.874));
        Assert.False(shape.Contains(21.028, 105.864));
    }

    [Fact]
    public void DistanceMeters_PolygonsWithHoleAndParts_AgreesWithNtsOnTheScaledShape()
    {
        // The hand-written edge walk against NTS's own covers and distance, on the same equirectangular scaling.
        var json = JsonSerializer.Serialize(new { type = "MultiPolygon", coordinates = new[] { new[] { HanoiRing, HoleRing }, new[] { Shifted(HanoiRing, 0.02) } } });
        var shape = ZoneShape.FromGeoJson(json, "geometry");
        var scale = Math.Cos(21.028 * Math.PI / 180);
        var scaled = shape.Polygon!.Copy();
        foreach (var c in scaled.Coordinates)
        {
            c.X *= scale;
        }

        scaled.GeometryChanged();
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var (lat, lon) = (21.015 + (random.NextDouble() * 0.026), 105.845 + (random.NextDouble() * 0.04));
            var point = new NetTopologySuite.Geometries.Point(lon * scale, lat);
            var expected = scaled.Covers(point) ? 0 : scaled.Distance(point) * Vigil.Domain.Geo.GeoMath.MetersPerDegree(0).Y;

            Assert.Equal(expected, shape.DistanceMeters(lat, lon), 6);
        }

        Assert.Equal(0, shape.DistanceMeters(21.024, 105.854)); // on the outer edge
        Assert.Equal(0, shape.DistanceMeters(21.027, 105.854)); // on the hole's edge
    }

    [Fact]
    public void Polygon_KeptPackedOnly_ReadsBackAsTheSameGeometry()
    {
        var multi = JsonSerializer.Serialize(new { type = "MultiPolygon", coordinates = new[] { new[] { HanoiRing, HoleRing }, new[] { Shifted(HanoiRing, 0.02) } } });
        var reader = new NetTopologySuite.IO.WKTReader();

        var polygon = ZoneShape.FromGeoJson(Polygon(HanoiRing, HoleRing), "geometry").Polygon!;
        var multiPolygon = ZoneShape.FromGeoJson(multi, "geometry").Polygon!;

        Assert.IsType<NetTopologySuite.Geometries.Polygon>(polygon);
        Assert.Equal(1, ((NetTopologySuite.Geometries.Polygon)polygon).NumInteriorRings);
        Assert.True(polygon.EqualsExact(reader.Read(
            "POLYGON ((105.85 21.024, 105.858 21.024, 105.858 21.032, 105.85 21.032, 105.85 21.024), (105.853 21.027, 105.855 21.027, 105.855 21.029, 105.853 21.029, 105.853 21.027))")));
        Assert.IsType<NetTopologySuite.Geometries.MultiPolygon>(multiPolygon);
        Assert.Equal(2, multiPolygon.NumGeometries);
        Assert.Equal(1, ((NetTopologySuite.Geometries.Polygon)multiPolygon.GetGeometryN(0)).NumInteriorRings);
        Assert.Equal(0, ((NetTopologySuite.Geometries.Polygon)multiPolygon.GetGeometryN(1)).NumInteriorRings);
        Assert.Equal((2 * 0.008 * 0.008) - (0.002 * 0.002), multiPolygon.Area, 12); // two squares, less the hole of the first
    }

    [Fact]
    public void FromGeoJson_FeatureWrapper_AcceptedAsItsGeometry()
    {
        var json = JsonSerializer.Serialize(new
        {
            type = "Feature",
            properties = new { name = "nhà" },
            geometry = new { type = "Polygon", coordinates = new[] { HanoiRing } },
        });

        var shape = ZoneShape.FromGeoJson(json, "zone");

        Assert.True(shape.Contains(21.028, 105.854));
    }

    // ---- Polygons refused, each naming the exact place ----

    [Fact]
    public void FromGeoJson_RingNotClosed_RefusedNamingTheRing()
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(Polygon(HanoiRing[..^1].Append([105.851, 21.024]).ToArray()), "geometry"));

        Assert.Equal(("geometry.coordinates[0]", "ring-not-closed"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_BowTie_RefusedAsSelfIntersection()
    {
        double[][] bowTie = [[105.85, 21.02], [105.86, 21.03], [105.86, 21.02], [105.85, 21.03], [105.85, 21.02]];

        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(Polygon(bowTie), "geometry"));

        Assert.Equal(("geometry.coordinates", "self-intersection"), (e.Field, e.Code));
        Assert.Contains("105.85", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromGeoJson_RingOfThreePositions_RefusedAsTooFew()
    {
        double[][] triangleOpen = [[105.850, 21.024], [105.858, 21.024], [105.850, 21.024]];

        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(Polygon(triangleOpen), "geometry"));

        Assert.Equal(("geometry.coordinates[0]", "too-few-positions"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_RingNotAnArray_RefusedAsTooFew()
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson("""{"type":"Polygon","coordinates":[5]}""", "geometry"));

        Assert.Equal(("geometry.coordinates[0]", "too-few-positions"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_PolygonInParis_RefusedAsOutsideVietnam()
    {
        double[][] paris = [[2.35, 48.85], [2.36, 48.85], [2.36, 48.86], [2.35, 48.86], [2.35, 48.85]];

        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(Polygon(paris), "geometry"));

        Assert.Equal(("geometry.coordinates[0][0]", "outside-vietnam"), (e.Field, e.Code));
    }

    [Theory]
    [InlineData(105.858, 95.0)]
    [InlineData(105.858, -90.5)]
    [InlineData(200.0, 21.032)]
    [InlineData(-180.5, 21.032)]
    public void FromGeoJson_PositionOutOfRange_RefusedNamingThePosition(double lon, double lat)
    {
        var ring = HanoiRing.ToArray();
        ring[2] = [lon, lat];

        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(Polygon(ring), "geometry"));

        Assert.Equal(("geometry.coordinates[0][2]", "out-of-range"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_LatitudeAndLongitudeSwapped_RefusedAsOutOfRange()
    {
        var swapped = HanoiRing.Select(p => new[] { p[1], p[0] }).ToArray();

        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(Polygon(swapped), "geometry"));

        Assert.Equal(("geometry.coordinates[0][0]", "out-of-range"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_BadPositionInHole_RefusedNamingTheHole()
    {
        var hole = HoleRing.ToArray();
        hole[1] = [2.35, 48.85];

        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(Polygon(HanoiRing, hole), "geometry"));

        Assert.Equal(("geometry.coordinates[1][1]", "outside-vietnam"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_BadPositionInSecondPolygon_RefusedNamingThePolygon()
    {
        var second = Shifted(HanoiRing, 0.02);
        second[3] = [105.87, 120.0];
        var json = JsonSerializer.Serialize(new { type = "MultiPolygon", coordinates = new[] { new[] { HanoiRing }, new[] { second } } });

        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(json, "geometry"));

        Assert.Equal(("geometry.coordinates[1][0][3]", "out-of-range"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_ErrorInsideFeature_PathGoesThroughGeometry()
    {
        var json = JsonSerializer.Serialize(new { type = "Feature", geometry = new { type = "Polygon", coordinates = new[] { HanoiRing[..^1] } } });

        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(json, "zones[2]"));

        Assert.Equal(("zones[2].geometry.coordinates[0]", "ring-not-closed"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_OneSquareMetre_RefusedAsImplausible()
    {
        double[][] tiny = [[105.85, 21.02], [105.85001, 21.02], [105.85001, 21.02001], [105.85, 21.02001], [105.85, 21.02]];

        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(Polygon(tiny), "geometry"));

        Assert.Equal(("geometry.coordinates", "implausible-size"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_LargerThanThirtyThousandSquareKilometres_RefusedAsImplausible()
    {
        double[][] huge = [[104.0, 12.0], [108.0, 12.0], [108.0, 16.0], [104.0, 16.0], [104.0, 12.0]];

        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(Polygon(huge), "geometry"));

        Assert.Equal(("geometry.coordinates", "implausible-size"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_HoleOutsideShell_RefusedAsInvalid()
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(Polygon(HanoiRing, Shifted(HoleRing, 0.05)), "geometry"));

        Assert.Equal(("geometry.coordinates", "invalid-geometry"), (e.Field, e.Code));
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[105.85,21.02]}""")]
    [InlineData("""{"type":"LineString","coordinates":[[105.85,21.02],[105.86,21.03]]}""")]
    [InlineData("""{"coordinates":[[[105.85,21.02],[105.86,21.02],[105.86,21.03],[105.85,21.02]]]}""")]
    [InlineData("""{"type":7,"coordinates":[]}""")]
    public void FromGeoJson_NotAPolygon_RefusedAsUnsupportedType(string json)
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(json, "geometry"));

        Assert.Equal(("geometry.type", "unsupported-type"), (e.Field, e.Code));
    }

    [Theory]
    [InlineData("""{"type":"Polygon",""")]
    [InlineData("not json")]
    [InlineData("")]
    public void FromGeoJson_MalformedJson_Refused(string json)
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(json, "geometry"));

        Assert.Equal(("geometry", "malformed-json"), (e.Field, e.Code));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"Polygon\"")]
    [InlineData("null")]
    public void FromGeoJson_NotAnObject_Refused(string json)
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(json, "geometry"));

        Assert.Equal(("geometry", "not-an-object"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_FeatureWithoutGeometryObject_Refused()
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson("""{"type":"Feature","geometry":null}""", "geometry"));

        Assert.Equal(("geometry.geometry", "not-an-object"), (e.Field, e.Code));
    }

    [Theory]
    [InlineData("""{"type":"Polygon"}""")]
    [InlineData("""{"type":"Polygon","coordinates":{}}""")]
    public void FromGeoJson_NoCoordinatesArray_Refused(string json)
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(json, "geometry"));

        Assert.Equal(("geometry.coordinates", "missing"), (e.Field, e.Code));
    }

    [Fact]
    public void FromGeoJson_PolygonWithoutRings_Refused()
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson("""{"type":"Polygon","coordinates":[]}""", "geometry"));

        Assert.Equal(("geometry.coordinates", "missing"), (e.Field, e.Code));
    }

    // Regression: an empty MultiPolygon has a NaN area, which passed the size check and gave a zone containing nothing.
    [Fact]
    public void FromGeoJson_EmptyMultiPolygon_Refused()
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson("""{"type":"MultiPolygon","coordinates":[]}""", "geometry"));

        Assert.Equal(("geometry.coordinates", "missing"), (e.Field, e.Code));
    }

    [Theory]
    [InlineData("""["105.85", 21.02]""")]
    [InlineData("[105.85]")]
    [InlineData("105.85")]
    [InlineData("[105.85, null]")]
    public void FromGeoJson_PositionNotTwoNumbers_RefusedNamingThePosition(string position)
    {
        var json = $$"""{"type":"Polygon","coordinates":[[[105.850,21.024],{{position}},[105.858,21.032],[105.850,21.032],[105.850,21.024]]]}""";

        var e = Assert.Throws<DomainException>(() => ZoneShape.FromGeoJson(json, "geometry"));

        Assert.Equal(("geometry.coordinates[0][1]", "invalid-position"), (e.Field, e.Code));
    }

    // ---- Circles ----

    [Fact]
    public void Circle_InHanoi_ContainsByDistanceFromCentre()
    {
        var circle = ZoneShape.Circle(21.0288, 105.8525, 500, "circle");
        const double degreesPerMeterOfLatitude = 1 / 111_195.08;

        Assert.Null(circle.Polygon);
        Assert.Equal(500, circle.RadiusMeters);
        Assert.True(circle.Contains(21.0288, 105.8525));
        Assert.True(circle.Contains(21.0288 + (400 * degreesPerMeterOfLatitude), 105.8525));
        Assert.True(circle.Contains(21.0288 - (499 * degreesPerMeterOfLatitude), 105.8525));
        Assert.False(circle.Contains(21.0288 + (501 * degreesPerMeterOfLatitude), 105.8525));
        Assert.False(circle.Contains(21.0288 + (600 * degreesPerMeterOfLatitude), 105.8525));
    }

    [Theory]
    [InlineData(ZoneShape.MinimumRadiusMeters)]
    [InlineData(ZoneShape.MaximumRadiusMeters)]
    public void Circle_RadiusAtTheLimits_Accepted(double radius)
    {
        Assert.Equal(radius, ZoneShape.Circle(21.0288, 105.8525, radius, "circle").RadiusMeters);
    }

    [Theory]
    [InlineData(9.99)]
    [InlineData(0)]
    [InlineData(-50)]
    [InlineData(100_000.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Circle_RadiusTooSmallOrTooLarge_Refused(double radius)
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.Circle(21.0288, 105.8525, radius, "circle"));

        Assert.Equal(("circle.radiusMeters", "implausible-size"), (e.Field, e.Code));
    }

    [Theory]
    [InlineData(13.75, 100.5, "outside-vietnam")] // Bangkok
    [InlineData(48.85, 2.35, "outside-vietnam")] // Paris
    [InlineData(91, 105.85, "out-of-range")]
    [InlineData(21.02, 181, "out-of-range")]
    [InlineData(double.NaN, 105.85, "out-of-range")]
    public void Circle_CentreNotInVietnam_Refused(double lat, double lon, string code)
    {
        var e = Assert.Throws<DomainException>(() => ZoneShape.Circle(lat, lon, 500, "circle"));

        Assert.Equal(("circle", code), (e.Field, e.Code));
    }

    private static string Polygon(params double[][][] rings) => JsonSerializer.Serialize(new { type = "Polygon", coordinates = rings });

    private static double[][] Shifted(double[][] ring, double lonDegrees) => ring.Select(p => new[] { p[0] + lonDegrees, p[1] }).ToArray();
}
