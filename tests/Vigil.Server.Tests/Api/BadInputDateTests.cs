using System.Globalization;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// Dates and instants that cannot be parsed, do not exist, or are impossible for what they date: a birth in
/// the future, an end before its start, a record of an act that has not happened yet.
/// </summary>
public abstract class BadInputDateTests(VigilFixture fixture)
{
    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        // Date of birth.
        Birth("30 February", "\"2026-02-30\"", "malformed-body"),
        Birth("month 13", "\"2026-13-01\"", "malformed-body"),
        Birth("a word", "\"yesterday\"", "malformed-body"),
        Birth("an empty string", "\"\"", "malformed-body"),
        Birth("day first", "\"23/11/1990\"", "malformed-body"),
        BadRequest.Problem("date of birth tomorrow", 400, "dateOfBirth", "impossible-date",
            s => s.Officer.PostJson("/api/v1/persons", RawRequests.Patched(s.NewPerson(), $$"""{"dateOfBirth":"{{Date(s.Today.AddDays(1))}}"}"""))),
        BadRequest.Problem("date of birth 200 years ago", 400, "dateOfBirth", "impossible-date",
            s => s.Officer.PostJson("/api/v1/persons", RawRequests.Patched(s.NewPerson(), $$"""{"dateOfBirth":"{{Date(s.Today.AddYears(-200))}}"}"""))),
        Birth("year 1", "\"0001-01-01\"", "impossible-date"),

        // A decision's start and duration.
        Decision("start date day first", _ => """{"durationMonths":12,"startDate":"23/11/2026"}""", "startDate", "malformed-body"),
        Decision("start date 31 November", _ => """{"durationMonths":12,"startDate":"2026-11-31"}""", "startDate", "malformed-body"),
        Decision("start date with a time", _ => """{"durationMonths":12,"startDate":"2026-11-23T08:00:00+07:00"}""", "startDate", "malformed-body"),
        Decision("start date two years ago", s => $$"""{"durationMonths":12,"startDate":"{{Date(s.Today.AddYears(-2))}}"}""", "startDate", "start-too-early"),
        Decision("start date in year 9999", _ => """{"durationMonths":12,"startDate":"9999-12-01"}""", "startDate", null),
        Decision("start date missing", _ => """{"durationMonths":12}""", "startDate", null),
        Decision("duration as a word", s => $$"""{"durationMonths":"twelve","startDate":"{{Date(s.Today)}}"}""", "durationMonths", "malformed-body"),
        Decision("duration beyond int", s => $$"""{"durationMonths":2147483648,"startDate":"{{Date(s.Today)}}"}""", "durationMonths", "malformed-body"),
        Decision("duration of 0 months", s => $$"""{"durationMonths":0,"startDate":"{{Date(s.Today)}}"}""", "durationMonths", "duration-out-of-range"),
        Decision("duration of 7 months", s => $$"""{"durationMonths":7,"startDate":"{{Date(s.Today)}}"}""", "durationMonths", "duration-not-standard"),

        // Suspending the decision.
        Suspension("suspension effective 'soon'", _ => """{"reason":"travelAbroad","effectiveAt":"soon"}""", "effectiveAt", "malformed-body"),
        Suspension("suspension effective 31 November", _ => """{"reason":"travelAbroad","effectiveAt":"2026-11-31T08:00:00+07:00"}""", "effectiveAt", "malformed-body"),
        Suspension("suspension effective in two years", s => $$"""{"reason":"travelAbroad","effectiveAt":"{{Instant(s.Now.AddYears(2))}}"}""", "effectiveAt", "too-far-ahead"),
        Suspension("unknown suspension reason", _ => """{"reason":"holiday"}""", "reason", "malformed-body"),
        BadRequest.Problem("suspension without a reason", 400, "reason", null,
            async s => await s.Chief.PostJson($"/api/v1/decisions/{await s.NewActiveDecisionAsync()}/suspend", "{}")),

        // A temporary-removal request: the end after the start, in the future, within the maximum.
        Removal("expected end before the start", s => $$"""{"reason":"Khám bệnh","startsAt":"{{Instant(s.Now.AddHours(6))}}","expectedEnd":"{{Instant(s.Now.AddHours(2))}}"}""", "expectedEnd", "before-start"),
        Removal("expected end missing", _ => """{"reason":"Khám bệnh"}""", "expectedEnd", "required"),
        Removal("expected end already past", s => $$"""{"reason":"Khám bệnh","startsAt":"{{Instant(s.Now.AddDays(-2))}}","expectedEnd":"{{Instant(s.Now.AddDays(-1))}}"}""", "expectedEnd", "in-the-past"),
        Removal("removal of 31 days", s => $$"""{"reason":"Khám bệnh","expectedEnd":"{{Instant(s.Now.AddDays(31))}}"}""", "expectedEnd", "too-long"),
        Removal("expected end 'tomorrow'", _ => """{"reason":"Khám bệnh","expectedEnd":"tomorrow"}""", "expectedEnd", "malformed-body"),
        Removal("start on 31 November", _ => """{"reason":"Khám bệnh","startsAt":"2026-11-31T08:00:00+07:00","expectedEnd":"2026-12-01T08:00:00+07:00"}""", "startsAt", "malformed-body"),
        BadRequest.Problem("malfunction discovered tomorrow", 400, "discoveredAt", "in-the-future",
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/requests/malfunction-report",
                $$"""{"reason":"Thiết bị không sạc được","discoveredAt":"{{Instant(s.Now.AddDays(1))}}"}""")),

        // Records: made within 30 days of the act, never ahead of it.
        Warning("record of an act tomorrow", s => $$"""{"reason":"Về muộn","occurredAt":"{{Instant(s.Now.AddDays(1))}}"}""", "occurredAt", "impossible-date"),
        Warning("record of an act 31 days ago", s => $$"""{"reason":"Về muộn","occurredAt":"{{Instant(s.Now.AddDays(-31))}}"}""", "occurredAt", "impossible-date"),
        Warning("record of an act on 30 February", _ => """{"reason":"Về muộn","occurredAt":"2026-02-30T10:00:00+07:00"}""", "occurredAt", "malformed-body"),
        Warning("record of an act 'yesterday'", _ => """{"reason":"Về muộn","occurredAt":"yesterday"}""", "occurredAt", "malformed-body"),
        BadRequest.Problem("temporary removal ending before it began", 400, "expectedEnd", null,
            s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/records/temporary-removal",
                $$"""{"reason":"Khám bệnh","placeDescription":"Trạm y tế","occurredAt":"{{Instant(s.Now.AddHours(-1))}}","expectedEnd":"{{Instant(s.Now.AddHours(-3))}}"}""")),

        // The scope in force at an instant.
        BadRequest.Problem("scope at 'garbage'", 400, "at", null, s => s.Officer.GetAsync($"/api/v1/persons/{s.Person.Id}/scope?at=garbage")),
        BadRequest.Problem("scope at 30 February", 400, "at", null, s => s.Officer.GetAsync($"/api/v1/persons/{s.Person.Id}/scope?at=2026-02-30")),
        BadRequest.Problem("scope at a time before any scope", 404, "at", "not-found",
            s => s.Officer.GetAsync($"/api/v1/persons/{s.Person.Id}/scope?at=1990-01-01T00:00:00Z")),
    ];

    public static TheoryData<string> Names => BadRequest.Names(Cases);

    [Theory]
    [MemberData(nameof(Names))]
    public Task Send_ImpossibleDate_ProblemNamesTheDate(string name) => BadRequest.RunAsync(Cases, name, fixture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);

    private static BadRequest Birth(string name, string json, string code) =>
        BadRequest.Problem($"date of birth: {name}", 400, "dateOfBirth", code,
            s => s.Officer.PostJson("/api/v1/persons", RawRequests.Patched(s.NewPerson(), $$"""{"dateOfBirth":{{json}}}""")));

    private static BadRequest Decision(string name, Func<BadInputSession, string> body, string field, string? code) =>
        BadRequest.Problem(name, 400, field, code, s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/decisions", body(s)));

    private static BadRequest Suspension(string name, Func<BadInputSession, string> body, string field, string? code) =>
        BadRequest.Problem(name, 400, field, code, s => s.Chief.PostJson($"/api/v1/decisions/{s.DecisionId}/suspend", body(s)));

    private static BadRequest Removal(string name, Func<BadInputSession, string> body, string field, string? code) =>
        BadRequest.Problem(name, 400, field, code, s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/requests/temporary-removal", body(s)));

    private static BadRequest Warning(string name, Func<BadInputSession, string> body, string field, string? code) =>
        BadRequest.Problem(name, 400, field, code, s => s.Officer.PostJson($"/api/v1/persons/{s.Person.Id}/records/warning", body(s)));
}

public sealed class SqliteBadInputDateTests(SqliteFixture fixture) : BadInputDateTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresBadInputDateTests(PostgresFixture fixture) : BadInputDateTests(fixture), IClassFixture<PostgresFixture>;
