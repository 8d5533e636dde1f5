using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// Registering a person with a body that is not JSON, has the wrong types, nulls, missing or over-long fields,
/// or impossible values: always a 400 problem naming the field, never a 500 or a silently accepted default.
/// </summary>
public abstract class BadInputPersonTests(VigilFixture fixture)
{
    private const string Url = "/api/v1/persons";

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        // Not the JSON of a person at all.
        Raw("not JSON at all", "this is not JSON", "body", "malformed-body"),
        Raw("truncated JSON", """{"fullName":"Trần Văn Thử","nationalId":"001912345678","dateOf""", "body", "malformed-body"),
        Raw("empty body", "", "body", null),
        Raw("JSON null", "null", "body", null),
        Raw("an array instead of an object", "[]", "body", "malformed-body"),
        Raw("a string instead of an object", "\"Trần Văn Thử\"", "body", "malformed-body"),

        // Wrong types.
        Patch("string for a number", """{"residenceLat":"north"}""", "residenceLat", "malformed-body"),
        Patch("boolean for a number", """{"residenceLon":true}""", "residenceLon", "malformed-body"),
        Patch("number too large for a double", """{"residenceLat":1e400}""", "residenceLat", "out-of-range"),
        Patch("number for a string", """{"fullName":123}""", "fullName", "malformed-body"),
        Patch("object for a string", """{"nationalId":{"value":"001912345678"}}""", "nationalId", "malformed-body"),
        Patch("object for an array", """{"guardians":{"fullName":"Lê Thị Mẹ"}}""", "guardians", "malformed-body"),
        Patch("number for a date", """{"dateOfBirth":19960101}""", "dateOfBirth", "malformed-body"),
        Patch("malformed guid", """{"managingOfficerId":"not-a-guid"}""", "managingOfficerId", "malformed-body"),

        // Enumerations: only the camelCase names.
        Patch("unknown sex", """{"sex":"x"}""", "sex", "malformed-body"),
        Patch("unknown group", """{"group":"alien"}""", "group", "malformed-body"),
        Patch("integer for an enum", """{"sex":1}""", "sex", "malformed-body"),
        Patch("integer in a string for an enum", """{"group":"2"}""", "group", "malformed-body"),
        Patch("two enum names joined by a comma", """{"sex":"male, female"}""", "sex", "malformed-body"),

        // Explicit null for a required, non-nullable field.
        Patch("null fullName", """{"fullName":null}""", "fullName", "malformed-body"),
        Patch("null nationalId", """{"nationalId":null}""", "nationalId", "malformed-body"),
        Patch("null residenceAddress", """{"residenceAddress":null}""", "residenceAddress", "malformed-body"),
        Patch("null dateOfBirth", """{"dateOfBirth":null}""", "dateOfBirth", "malformed-body"),
        Patch("null sex", """{"sex":null}""", "sex", "required"),

        // Missing required fields.
        Patch("missing fullName", """{"fullName":"<omit>"}""", "fullName", "required"),
        Patch("missing nationalId", """{"nationalId":"<omit>"}""", "nationalId", null),
        Patch("missing residenceAddress", """{"residenceAddress":"<omit>"}""", "residenceAddress", "required"),
        Patch("missing dateOfBirth", """{"dateOfBirth":"<omit>"}""", "dateOfBirth", null),
        Patch("missing sex", """{"sex":"<omit>"}""", "sex", null),
        Patch("missing group", """{"group":"<omit>"}""", "group", null),

        // Text: blank, too long.
        Patch("blank fullName", """{"fullName":"   "}""", "fullName", "required"),
        Patch("fullName of 151 characters", $$"""{"fullName":"{{new string('A', 151)}}"}""", "fullName", "too-long"),
        Patch("residenceAddress of 301 characters", $$"""{"residenceAddress":"{{new string('A', 301)}}"}""", "residenceAddress", "too-long"),

        // Identity number and phone.
        Patch("national id too short", """{"nationalId":"12345"}""", "nationalId", "invalid-national-id"),
        Patch("national id with a letter", """{"nationalId":"00191234567a"}""", "nationalId", "invalid-national-id"),
        Patch("national id with spaces", """{"nationalId":"0019 1234 5678"}""", "nationalId", "invalid-national-id"),
        Patch("national id of 13 digits", """{"nationalId":"0019123456789"}""", "nationalId", "invalid-national-id"),
        new BadRequest("national id already registered",
            s => s.Officer.PostJson(Url, RawRequests.Patched(s.NewPerson(), $$"""{"nationalId":"{{s.Person.NationalId}}"}""")),
            r => RawRequests.Problem(r, 400, "nationalId", "duplicate")),
        Patch("phone with letters", """{"phone":"abc"}""", "phone", "invalid-phone"),
        Patch("phone too short", """{"phone":"0912"}""", "phone", "invalid-phone"),

        // Position of the residence.
        Patch("latitude over 90", """{"residenceLat":91}""", "residenceLat", "out-of-range"),
        Patch("latitude under -90", """{"residenceLat":-90.5}""", "residenceLat", "out-of-range"),
        Patch("longitude over 180", """{"residenceLon":181}""", "residenceLon", "out-of-range"),
        Patch("latitude without longitude", """{"residenceLon":"<omit>"}""", "residenceLon", "incomplete-position"),
        Patch("longitude without latitude", """{"residenceLat":null}""", "residenceLat", "incomplete-position"),

        // References.
        Patch("unknown commune", """{"communeCode":"99999"}""", "communeCode", "unknown-commune"),
        Patch("commune outside the officer's jurisdiction", """{"communeCode":"00004"}""", "communeCode", "outside-jurisdiction"),
        Patch("unknown managing officer", $$"""{"managingOfficerId":"{{Guid.NewGuid()}}"}""", "managingOfficerId", "not-an-officer-of-the-commune"),

        // Guardians.
        Patch("null guardian", """{"guardians":[null]}""", "guardians[0]", null),
        Patch("guardian with a bad phone", """{"guardians":[{"fullName":"Lê Thị Mẹ","relationship":"Mẹ","phone":"abc"}]}""", "guardians[0].phone", "invalid-phone"),
        Patch("guardian without a phone", """{"guardians":[{"fullName":"Lê Thị Mẹ","relationship":"Mẹ"}]}""", "guardians[0].phone", "required"),
        Patch("second guardian without a name", """{"guardians":[{"fullName":"Lê Thị Mẹ","relationship":"Mẹ","phone":"0987654321"},{"relationship":"Bố","phone":"0987654322"}]}""", "guardians[1].fullName", "required"),
    ];

    public static TheoryData<string> Names => BadRequest.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public Task CreatePerson_BadBody_ProblemNamesTheField(string name) => BadRequest.RunAsync(Cases, name, fixture);

    private static BadRequest Patch(string name, string patch, string field, string? code) =>
        BadRequest.Problem(name, 400, field, code, s => s.Officer.PostJson(Url, RawRequests.Patched(s.NewPerson(), patch)));

    private static BadRequest Raw(string name, string body, string field, string? code) =>
        BadRequest.Problem(name, 400, field, code, s => s.Officer.PostJson(Url, body));
}

public sealed class SqliteBadInputPersonTests(SqliteFixture fixture) : BadInputPersonTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresBadInputPersonTests(PostgresFixture fixture) : BadInputPersonTests(fixture), IClassFixture<PostgresFixture>;
