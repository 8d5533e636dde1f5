using System.Text.Json;
using Vigil.Server.Api;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// Hotspots and the GeoJSON/CSV imports. A single hotspot with a bad shape is a 400 naming the field; in an
/// import each bad feature or row is reported by index, field and reason, and never stops the good ones.
/// </summary>
public abstract class BadInputHotspotTests(VigilFixture fixture)
{
    private const string Karaoke = """{"name":"Karaoke Thử","category":"karaoke","circle":{"lat":21.030,"lon":105.850,"radiusMeters":60}}""";
    private const string Square = "[[105.850,21.030],[105.853,21.030],[105.853,21.032],[105.850,21.032],[105.850,21.030]]";
    private const string Unclosed = "[[105.850,21.030],[105.853,21.030],[105.853,21.032],[105.850,21.032],[105.8501,21.0301]]";

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        Hotspot("body not JSON", "name=Karaoke", "body", "malformed-body"),
        Patch("name missing", """{"name":"<omit>"}""", "name", "required"),
        Patch("name of 201 characters", $$"""{"name":"{{new string('x', 201)}}"}""", "name", "too-long"),
        Patch("unknown category", """{"category":"alien"}""", "category", "malformed-body"),
        Patch("integer for a category", """{"category":2}""", "category", "malformed-body"),
        Patch("category missing", """{"category":"<omit>"}""", "category", null),
        Patch("unknown status", """{"status":"bogus"}""", "status", "malformed-body"),
        Patch("notes of 2001 characters", $$"""{"notes":"{{new string('x', 2001)}}"}""", "notes", "too-long"),
        Patch("unclosed ring", $"{{\"circle\":null,\"geometry\":{Polygon(Unclosed)}}}", "geometry.coordinates[0]", "ring-not-closed"),
        Patch("a Point geometry", """{"circle":null,"geometry":{"type":"Point","coordinates":[105.85,21.03]}}""", "geometry.type", "unsupported-type"),
        Patch("polygon in Thailand", """{"circle":null,"geometry":{"type":"Polygon","coordinates":[[[100.50,13.75],[100.53,13.75],[100.53,13.77],[100.50,13.75]]]}}""",
            "geometry.coordinates[0][0]", "outside-vietnam"),
        Patch("circle of 5 m", """{"circle":{"lat":21.030,"lon":105.850,"radiusMeters":5}}""", "circle.radiusMeters", "implausible-size"),
        Patch("circle in Bangkok", """{"circle":{"lat":13.75,"lon":100.5,"radiusMeters":60}}""", "circle", "outside-vietnam"),
        Patch("neither geometry nor circle", """{"circle":"<omit>"}""", "geometry", "no-shape"),
        Patch("geometry and circle", $"{{\"geometry\":{Polygon(Square)}}}", "geometry", "two-shapes"),
    ];

    /// <summary>Imports: good items are taken, bad ones reported; a file that is not an import at all is a 400.</summary>
    public static readonly IReadOnlyList<BadRequest> Imports =
    [
        HotspotImport("two good and two bad features", Features(
                Feature("Quán bar Một", "bar", $$"""{"type":"Polygon","coordinates":[{{Square}}]}"""),
                Feature("Nhà nghỉ Hai", "guesthouse", $$"""{"type":"Polygon","coordinates":[{{Unclosed}}]}"""),
                Feature("Karaoke Ba", "karaoke", """{"type":"Point","coordinates":[105.851,21.031]}""", ""","radiusMeters":80"""),
                Feature("Vũ trường Bốn", "spaceport", """{"type":"Point","coordinates":[105.852,21.031]}""")),
            added: 2, (1, "geometry.coordinates[0]"), (3, "properties.category")),
        HotspotImport("points with broken coordinates", Features(
                Feature("Điểm tốt", "bar", """{"type":"Point","coordinates":[105.851,21.031]}"""),
                Feature("Không có tọa độ", "bar", """{"type":"Point"}"""),
                Feature("Tọa độ chữ", "bar", """{"type":"Point","coordinates":["105.851","21.031"]}"""),
                Feature("Một số", "bar", """{"type":"Point","coordinates":[105.851]}"""),
                Feature("Tọa độ đối tượng", "bar", """{"type":"Point","coordinates":{"lon":105.851,"lat":21.031}}"""),
                Feature("Kiểu là số", "bar", """{"type":7,"coordinates":[105.851,21.031]}""")),
            added: 1, (1, "geometry.coordinates"), (2, "geometry.coordinates"), (3, "geometry.coordinates"), (4, "geometry.coordinates"), (5, "geometry.type")),
        HotspotImport("features that are not features", Features("1", "\"bar\"", "null", "{}",
                Feature("Điểm tốt", "hotel", """{"type":"Point","coordinates":[105.851,21.031]}""")),
            added: 1, (0, "geometry"), (1, "geometry"), (2, "geometry"), (3, "geometry")),
        BadRequest.Problem("hotspot import: not JSON", 400, "body", "malformed-body", s => s.Analyst.PostJson("/api/v1/hotspots/import", "<kml/>")),
        BadRequest.Problem("hotspot import: an array", 400, "features", "missing", s => s.Analyst.PostJson("/api/v1/hotspots/import", "[]")),
        BadRequest.Problem("hotspot import: no features", 400, "features", "missing",
            s => s.Analyst.PostJson("/api/v1/hotspots/import", """{"type":"FeatureCollection"}""")),
        BadRequest.Problem("hotspot import: features an object", 400, "features", "missing",
            s => s.Analyst.PostJson("/api/v1/hotspots/import", """{"type":"FeatureCollection","features":{}}""")),

        CommuneImport("CSV with two good and three bad rows",
            "code,name,province\n90001,Phường Thử Một,01\n90002,Phường Thử Hai,99\n90003,,01\n12345678901234567,Phường Mã Dài,01\n90004,Phường Thử Bốn,01\n",
            added: 2, (1, "province"), (2, "name"), (3, "code")),
        CommuneImport("CSV with an unclosed boundary",
            $"code,name,province,boundary\r\n90005,Phường Thử Năm,01,\"{Quoted(Polygon(Unclosed))}\"\r\n90006,Phường Thử Sáu,01,\"{Quoted(Polygon(Square))}\"\r\n",
            added: 1, (0, "boundary.coordinates[0]")),
        CommuneImport("GeoJSON with two good and three bad communes", Features(
                Commune("90011", "Phường Thử Mười Một", "01", Polygon(Square)),
                Commune("90012", "Phường Thử Mười Hai", "99", null),
                Commune("00070", "Phường Hoàn Kiếm", "79", null),
                Commune("90013", "Phường Thử Mười Ba", "01", null),
                """{"type":"Feature","geometry":null}""",
                Commune("90014", "Phường Điểm", "01", """{"type":"Point","coordinates":[105.85,21.03]}""")),
            added: 2, (1, "province"), (2, "province"), (4, "features[4].properties"), (5, "boundary.type")),
        BadRequest.Problem("commune import: CSV without the code column", 400, "body", "bad-header",
            s => s.Admin.PostJson("/api/v1/communes/import", "id,title,region\n90021,Phường Thử,01\n")),
        BadRequest.Problem("commune import: empty", 400, "body", "bad-header", s => s.Admin.PostJson("/api/v1/communes/import", "")),
        BadRequest.Problem("commune import: truncated GeoJSON", 400, "body", "malformed-json",
            s => s.Admin.PostJson("/api/v1/communes/import", """{"type":"FeatureCollection","features":[{"type":"Feature",""" + "\"")),
        BadRequest.Problem("commune import: GeoJSON without features", 400, "features", "missing",
            s => s.Admin.PostJson("/api/v1/communes/import", """{"type":"FeatureCollection"}""")),
    ];

    public static TheoryData<string> CaseNames => BadRequest.Names(Cases);

    public static TheoryData<string> ImportNames => BadRequest.Names(Imports);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task CreateHotspot_BadInput_ProblemNamesTheField(string name) => BadRequest.RunAsync(Cases, name, fixture);

    [Theory]
    [MemberData(nameof(ImportNames))]
    public Task Import_BadItems_GoodOnesTakenBadOnesReported(string name) => BadRequest.RunAsync(Imports, name, fixture);

    private static BadRequest Hotspot(string name, string body, string field, string? code) =>
        BadRequest.Problem(name, 400, field, code, s => s.Analyst.PostJson("/api/v1/hotspots", body));

    private static BadRequest Patch(string name, string patch, string field, string? code) =>
        Hotspot(name, RawRequests.Patched(JsonDocument.Parse(Karaoke).RootElement, patch), field, code);

    private static string Polygon(string ring) => $$"""{"type":"Polygon","coordinates":[{{ring}}]}""";

    private static string Quoted(string json) => json.Replace("\"", "\"\"", StringComparison.Ordinal);

    private static string Features(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    private static string Feature(string name, string category, string geometry, string moreProperties = "") =>
        $$"""{"type":"Feature","properties":{"name":"{{name}}","category":"{{category}}"{{moreProperties}}},"geometry":{{geometry}}}""";

    private static string Commune(string code, string name, string province, string? boundary) =>
        $$"""{"type":"Feature","properties":{"code":"{{code}}","name":"{{name}}","province":"{{province}}"},"geometry":{{boundary ?? "null"}}}""";

    private static BadRequest HotspotImport(string name, string body, int added, params (int Index, string Field)[] rejected) =>
        new(name, s => s.Analyst.PostJson("/api/v1/hotspots/import", body), r => ExpectImport(r, added, rejected));

    private static BadRequest CommuneImport(string name, string body, int added, params (int Index, string Field)[] rejected) =>
        new(name, s => s.Admin.PostJson("/api/v1/communes/import", body), r => ExpectImport(r, added, rejected));

    private static async Task ExpectImport(HttpResponseMessage response, int added, (int Index, string Field)[] rejected)
    {
        var result = await Expect.Json<ImportResult>(response);
        Assert.Equal(rejected, result.Rejected.Select(r => (r.Index, r.Field)).ToArray());
        Assert.All(result.Rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Equal(added, result.Added);
    }
}

public sealed class SqliteBadInputHotspotTests(SqliteFixture fixture) : BadInputHotspotTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresBadInputHotspotTests(PostgresFixture fixture) : BadInputHotspotTests(fixture), IClassFixture<PostgresFixture>;
