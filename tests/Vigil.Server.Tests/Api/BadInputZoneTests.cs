using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// Registering zones with broken GeoJSON, implausible circles or schedules: a 400 problem whose field is the
/// exact path of the fault, down to the ring and the position (<c>zones[1].geometry.coordinates[0][2]</c>).
/// </summary>
public abstract class BadInputZoneTests(VigilFixture fixture)
{
    private const string Residence = """{"kind":"residence","name":"Nhà","circle":{"lat":21.0340,"lon":105.8520,"radiusMeters":150}}""";
    private const string Square = "[[105.850,21.030],[105.853,21.030],[105.853,21.032],[105.850,21.032],[105.850,21.030]]";
    private const string Weekdays = """[{"days":["monday","tuesday","wednesday","thursday","friday"],"from":"07:00","to":"18:00"}]""";

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        // Rings and positions of a polygon.
        Work("unclosed ring", Polygon("[[105.850,21.030],[105.853,21.030],[105.853,21.032],[105.850,21.032],[105.8501,21.0301]]"),
            "zones[1].geometry.coordinates[0]", "ring-not-closed"),
        Work("self-intersecting bow-tie", Polygon("[[105.850,21.030],[105.853,21.032],[105.853,21.030],[105.850,21.032],[105.850,21.030]]"),
            "zones[1].geometry.coordinates", "self-intersection"),
        Work("ring of three positions", Polygon("[[105.850,21.030],[105.853,21.030],[105.850,21.030]]"),
            "zones[1].geometry.coordinates[0]", "too-few-positions"),
        Work("ring in Thailand", Polygon("[[100.50,13.75],[100.53,13.75],[100.53,13.77],[100.50,13.77],[100.50,13.75]]"),
            "zones[1].geometry.coordinates[0][0]", "outside-vietnam"),
        Work("third position outside Vietnam", Polygon("[[105.850,21.030],[105.853,21.030],[100.5,13.75],[105.850,21.032],[105.850,21.030]]"),
            "zones[1].geometry.coordinates[0][2]", "outside-vietnam"),
        Work("latitude and longitude swapped", Polygon("[[21.030,105.850],[21.030,105.853],[21.032,105.853],[21.032,105.850],[21.030,105.850]]"),
            "zones[1].geometry.coordinates[0][0]", "out-of-range"),
        Work("strings in coordinates", Polygon("""[["105.850","21.030"],["105.853","21.030"],["105.853","21.032"],["105.850","21.032"],["105.850","21.030"]]"""),
            "zones[1].geometry.coordinates[0][0]", "invalid-position"),
        Work("position with one number", Polygon("[[105.850,21.030],[105.853],[105.853,21.032],[105.850,21.032],[105.850,21.030]]"),
            "zones[1].geometry.coordinates[0][1]", "invalid-position"),
        Work("coordinate too large for a double", Polygon("[[1e400,21.030],[105.853,21.030],[105.853,21.032],[105.850,21.032],[1e400,21.030]]"),
            "zones[1].geometry.coordinates[0][0]", null),
        Work("polygon of one square metre", Polygon("[[105.85,21.03],[105.85001,21.03],[105.85001,21.03001],[105.85,21.03001],[105.85,21.03]]"),
            "zones[1].geometry.coordinates", "implausible-size"),
        Work("hole outside the shell", $$"""{"type":"Polygon","coordinates":[{{Square}},[[105.860,21.040],[105.861,21.040],[105.861,21.041],[105.860,21.041],[105.860,21.040]]]}""",
            "zones[1].geometry.coordinates", "invalid-geometry"),

        // The GeoJSON object itself.
        Work("a Point", """{"type":"Point","coordinates":[105.85,21.03]}""", "zones[1].geometry.type", "unsupported-type"),
        Work("no type", $$"""{"coordinates":[{{Square}}]}""", "zones[1].geometry.type", "unsupported-type"),
        Work("missing coordinates", """{"type":"Polygon"}""", "zones[1].geometry.coordinates", "missing"),
        Work("coordinates a string", """{"type":"Polygon","coordinates":"105.85 21.03"}""", "zones[1].geometry.coordinates", "missing"),
        Work("polygon without rings", """{"type":"Polygon","coordinates":[]}""", "zones[1].geometry.coordinates", "missing"),
        Work("empty MultiPolygon", """{"type":"MultiPolygon","coordinates":[]}""", "zones[1].geometry.coordinates", "missing"),
        Work("MultiPolygon with an unclosed second polygon",
            $$"""{"type":"MultiPolygon","coordinates":[[{{Square}}],[[[105.860,21.040],[105.861,21.040],[105.861,21.041],[105.860,21.041]]]]}""",
            "zones[1].geometry.coordinates[1][0]", "ring-not-closed"),
        Work("Feature around an unclosed ring",
            """{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[105.850,21.030],[105.853,21.030],[105.853,21.032],[105.850,21.032],[105.850,21.031]]]}}""",
            "zones[1].geometry.geometry.coordinates[0]", "ring-not-closed"),
        Work("geometry as WKT text", "\"POLYGON((105.85 21.03, 105.853 21.03, 105.853 21.032, 105.85 21.03))\"", "zones[1].geometry", "not-an-object"),

        // Shapes: exactly one, of a plausible size.
        Zones("geometry and circle", """{"kind":"work","name":"Xưởng","geometry":{"type":"Polygon","coordinates":[[[105.850,21.030],[105.853,21.030],[105.853,21.032],[105.850,21.032],[105.850,21.030]]]},"circle":{"lat":21.031,"lon":105.851,"radiusMeters":100}}""",
            "zones[1]", "two-shapes"),
        Zones("neither geometry nor circle", """{"kind":"work","name":"Xưởng"}""", "zones[1]", "no-shape"),
        Circle("circle of 1 m", """{"lat":21.034,"lon":105.852,"radiusMeters":1}""", "zones[0].circle.radiusMeters", "implausible-size"),
        Circle("circle of 500 km", """{"lat":21.034,"lon":105.852,"radiusMeters":500000}""", "zones[0].circle.radiusMeters", "implausible-size"),
        Circle("circle without a radius", """{"lat":21.034,"lon":105.852}""", "zones[0].circle.radiusMeters", "implausible-size"),
        Circle("circle in Bangkok", """{"lat":13.75,"lon":100.5,"radiusMeters":150}""", "zones[0].circle", "outside-vietnam"),
        Circle("circle with a word for latitude", """{"lat":"x","lon":105.852,"radiusMeters":150}""", "zones[0].circle.lat", "malformed-body"),

        // The list of zones.
        Scope("no residence zone", $$"""{"zones":[{{WorkZone(Polygon(Square))}}]}""", "zones", "residence-required"),
        Scope("21 zones", $$"""{"zones":[{{string.Join(",", Enumerable.Repeat(Residence, 21))}}]}""", "zones", "count-out-of-range"),
        Scope("no zones", """{"zones":[]}""", "zones", "count-out-of-range"),
        Scope("zones missing", """{"note":"x"}""", "zones", "required"),
        Scope("zones null", """{"zones":null}""", "zones", "malformed-body"),
        Scope("a null zone", """{"zones":[null]}""", "zones[0]", null),
        Scope("note of 2001 characters", $$"""{"zones":[{{Residence}}],"note":"{{new string('x', 2001)}}"}""", "note", "too-long"),
        Zones("unknown kind", """{"kind":"alien","name":"Xưởng","circle":{"lat":21.031,"lon":105.851,"radiusMeters":100}}""", "zones[1].kind", "malformed-body"),
        Zones("integer for a kind", """{"kind":3,"name":"Xưởng","circle":{"lat":21.031,"lon":105.851,"radiusMeters":100}}""", "zones[1].kind", "malformed-body"),
        Zones("kind missing", """{"name":"Xưởng","circle":{"lat":21.031,"lon":105.851,"radiusMeters":100}}""", "zones[1].kind", null),
        Zones("name missing", """{"kind":"work","circle":{"lat":21.031,"lon":105.851,"radiusMeters":100}}""", "zones[1].name", "required"),
        Zones("name of 151 characters", $$$"""{"kind":"work","name":"{{{new string('x', 151)}}}","circle":{"lat":21.031,"lon":105.851,"radiusMeters":100}}""", "zones[1].name", "too-long"),

        // Schedules.
        Schedule("unknown day", """[{"days":["monday","funday"],"from":"07:00","to":"18:00"}]""", "zones[1].schedule[0].days", "unknown-day"),
        Schedule("two days in one string", """[{"days":["monday,tuesday"],"from":"07:00","to":"18:00"}]""", "zones[1].schedule[0].days", "unknown-day"),
        Schedule("day as a number", """[{"days":["1"],"from":"07:00","to":"18:00"}]""", "zones[1].schedule[0].days", "unknown-day"),
        Schedule("25:00", """[{"days":["monday"],"from":"07:00","to":"25:00"}]""", "zones[1].schedule[0].to", "invalid-time"),
        Schedule("time with seconds", """[{"days":["monday"],"from":"07:00:00","to":"18:00"}]""", "zones[1].schedule[0].from", "invalid-time"),
        Schedule("window without an end", """[{"days":["monday"],"from":"07:00"}]""", "zones[1].schedule[0].to", "invalid-time"),
        Schedule("empty days", """[{"days":[],"from":"07:00","to":"18:00"}]""", "zones[1].schedule[0].days", "empty"),
        Schedule("window of no time", """[{"days":["monday"],"from":"07:00","to":"07:00"}]""", "zones[1].schedule[0].to", "empty-window"),
        Schedule("no windows", "[]", "zones[1].schedule", "empty"),
        Schedule("a null day", """[{"days":[null],"from":"07:00","to":"18:00"}]""", "zones[1].schedule[0].days", null),
        Schedule("a null window", "[null]", "zones[1].schedule[0]", null),
        Schedule("second window broken", $$"""[{"days":["monday"],"from":"07:00","to":"12:00"},{"days":["sunday"],"from":"7h","to":"12:00"}]""",
            "zones[1].schedule[1].from", "invalid-time"),

        // A scope change asked for by (or for) the wearer is checked when asked, not when approved. Each goes to a new
        // person: one wrongly accepted would leave a pending request that refuses the next for another reason.
        ScopeChange("scope change with an unclosed ring",
            WorkZone(Polygon("[[105.850,21.030],[105.853,21.030],[105.853,21.032],[105.850,21.032],[105.8501,21.0301]]")),
            "scope.zones[1].geometry.coordinates[0]", "ring-not-closed"),
        ScopeChange("scope change with an unknown day",
            WorkZone(Polygon(Square), """[{"days":["funday"],"from":"07:00","to":"18:00"}]"""), "scope.zones[1].schedule[0].days", "unknown-day"),
        ScopeChange("scope change with a null zone", "null", "scope.zones[1]", null),
        BadRequest.Problem("scope change without a residence zone", 400, "scope.zones", "residence-required",
            async s => await s.Officer.PostJson($"/api/v1/persons/{await s.NewPersonIdAsync()}/requests/scope-change",
                $$$"""{"reason":"Đổi chỗ làm","scope":{"zones":[{{{WorkZone(Polygon(Square))}}}]}}""")),
    ];

    public static TheoryData<string> Names => BadRequest.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public Task RegisterScope_BadZone_ProblemNamesThePreciseField(string name) => BadRequest.RunAsync(Cases, name, fixture);

    private static string Polygon(string ring) => $$"""{"type":"Polygon","coordinates":[{{ring}}]}""";

    private static string WorkZone(string geometry, string schedule = Weekdays) =>
        $$"""{"kind":"work","name":"Xưởng","geometry":{{geometry}},"schedule":{{schedule}}}""";

    private static BadRequest Scope(string name, string body, string field, string? code) =>
        BadRequest.Problem(name, 400, field, code, s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/scope", body));

    /// <summary>The residence circle and <paramref name="zone"/> as zones[1].</summary>
    private static BadRequest Zones(string name, string zone, string field, string? code) =>
        Scope(name, $$"""{"zones":[{{Residence}},{{zone}}]}""", field, code);

    private static BadRequest Work(string name, string geometry, string field, string? code) => Zones(name, WorkZone(geometry), field, code);

    private static BadRequest Schedule(string name, string schedule, string field, string? code) =>
        Zones(name, WorkZone(Polygon(Square), schedule), field, code);

    private static BadRequest Circle(string name, string circle, string field, string? code) =>
        Scope(name, $$"""{"zones":[{"kind":"residence","name":"Nhà","circle":{{circle}}},{{WorkZone(Polygon(Square))}}]}""", field, code);

    private static BadRequest ScopeChange(string name, string zone, string field, string? code) =>
        BadRequest.Problem(name, 400, field, code, async s => await s.Officer.PostJson($"/api/v1/persons/{await s.NewPersonIdAsync()}/requests/scope-change",
            $$$"""{"reason":"Đổi chỗ làm","scope":{"zones":[{{{Residence}}},{{{zone}}}]}}"""));
}

public sealed class SqliteBadInputZoneTests(SqliteFixture fixture) : BadInputZoneTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresBadInputZoneTests(PostgresFixture fixture) : BadInputZoneTests(fixture), IClassFixture<PostgresFixture>;
