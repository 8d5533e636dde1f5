using Vigil.Domain.Alerts;
using Vigil.Domain.Audit;
using Vigil.Domain.Records;
using Vigil.Domain.Rules;
using Vigil.Server.Alerts;
using Vigil.Server.Api;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Alerts;

/// <summary>The officers' side: the lifecycle through the API, its refusals, the jurisdiction, the queue and the audit trail.</summary>
public abstract class AlertApiTests(VigilFixture fixture)
{
    private Guid Person => fixture.Credentials.Wearers.Single(w => w.Username == "hk.wearer1").PersonId;

    private static string Url(Alert alert, string action = "") => $"/api/v1/alerts/{alert.Id}{action}";

    [Fact]
    public async Task Lifecycle_ReadAcknowledgeResolve_VersionedAndAudited()
    {
        var officer = await fixture.LogInAsync("hk.officer1");
        var supervisor = await fixture.LogInAsync("c04.supervisor");
        var me = await officer.MeAsync();
        var alert = await fixture.RaiseAsync(Person);

        var read = await officer.GetAsync(Url(alert));
        var dto = await Expect.Json<AlertDto>(read);
        Assert.Equal($"\"{dto.Version}\"", read.Headers.ETag?.Tag);
        Assert.Equal((AlertState.Open, RuleKind.OutsideArea, 5, AlertSeverity.High), (dto.State, dto.Rule, dto.ViolationNumber, dto.Severity));
        Assert.Equal(2, dto.Evidence.Count);
        Assert.Equal("10", dto.Parameters["outsideMarginMeters"]);

        var acknowledged = await Expect.Json<AlertDto>(await officer.PostIfMatch(Url(alert, "/acknowledge"), dto.Version, new { note = "Đang gọi điện" }));
        Assert.Equal((AlertState.Acknowledged, me.Id), (acknowledged.State, acknowledged.AcknowledgedBy));
        Assert.True(acknowledged.Version > dto.Version);
        Assert.Equal("Đang gọi điện", Assert.Single(acknowledged.Notes).Text);

        var resolved = await Expect.Json<AlertDto>(await officer.PostIfMatch(Url(alert, "/resolve"), acknowledged.Version,
            new { outcome = "falseAlarm", note = "Sai số GPS trong nhà" }));
        Assert.Equal((AlertState.Resolved, AlertOutcome.FalseAlarm, "Sai số GPS trong nhà"), (resolved.State, resolved.Outcome, resolved.Resolution));
        Assert.Null(resolved.ViolationRecordId);

        var trail = await Expect.Json<PageOf<AuditEntry>>(await supervisor.GetAsync($"/api/v1/audit?personId={Person}&pageSize=200"));
        var actions = trail.Items.Where(a => a.EntityId == alert.Id.ToString()).Select(a => a.Action).ToHashSet();
        Assert.Superset(new HashSet<string> { "alert.raise", "alert.read", "alert.acknowledge", "alert.resolve" }, actions);
        Assert.Contains(trail.Items, a => a.Action == "alert.read" && a.ActorRole == "ManagingOfficer");
    }

    [Theory]
    [InlineData("excused")]
    [InlineData("falseAlarm")]
    [InlineData("deviceFault")]
    [InlineData("confirmedViolation")]
    public async Task Resolve_Open_ClosedWithTheOutcome(string outcome)
    {
        var officer = await fixture.LogInAsync("hk.officer1");
        var alert = await fixture.RaiseAsync(Person, RuleKind.NotWorn);

        var resolved = await Expect.Json<AlertDto>(await officer.PostIfMatch(Url(alert, "/resolve"), alert.Version,
            new { outcome, note = "Đã xác minh tại nhà" }));

        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(Enum.Parse<AlertOutcome>(outcome, ignoreCase: true), resolved.Outcome);
        Assert.NotNull(resolved.AcknowledgedAt);
        Assert.Equal(outcome == "confirmedViolation", resolved.ViolationRecordId is not null);
    }

    [Fact]
    public async Task Resolve_ConfirmedViolationWithWarning_RecordsBothAgainstThePerson()
    {
        var officer = await fixture.LogInAsync("hk.officer1");
        var alert = await fixture.RaiseAsync(Person, RuleKind.SelfRemoval);

        var resolved = await Expect.Json<AlertDto>(await officer.PostIfMatch(Url(alert, "/resolve"), alert.Version,
            new { outcome = "confirmedViolation", note = "Tự tháo vòng khi đi làm", issueWarning = true }));

        var records = await Expect.Json<List<RecordDto>>(await officer.GetAsync($"/api/v1/persons/{Person}/records"));
        var violation = Assert.Single(records, r => r.Id == resolved.ViolationRecordId);
        var warning = Assert.Single(records, r => r.Id == resolved.WarningRecordId);
        Assert.Equal(RecordKind.Violation, violation.Kind);
        Assert.Equal(alert.ConditionSince, violation.OccurredAt);
        Assert.StartsWith("Vi phạm số 3: Tự ý tháo thiết bị", violation.Reason, StringComparison.Ordinal);
        Assert.Equal("Tự tháo vòng khi đi làm", violation.Notes);
        Assert.Equal(RecordKind.Warning, warning.Kind);
        Assert.Equal((await officer.MeAsync()).Id, warning.OfficerId);
        await Assert.ThrowsAnyAsync<Exception>(() =>
            fixture.ExecuteSqlAsync($"""UPDATE "Records" SET "Notes" = 'x' WHERE "Kind" = 'Violation'"""));
    }

    [Fact]
    public async Task Transitions_Refused_ConflictOrBadRequestNamingTheField()
    {
        var officer = await fixture.LogInAsync("hk.officer1");
        var alert = await fixture.RaiseAsync(Person);
        var hotspot = await fixture.RaiseAsync(Person, RuleKind.HotspotEntry);

        await Expect.Problem(await officer.PostAsync(Url(alert, "/acknowledge"), null), 428, "If-Match");
        await Expect.Problem(await officer.PostIfMatch(Url(alert, "/acknowledge"), alert.Version + 7), 412, "If-Match");
        await Expect.Problem(await officer.PostIfMatch(Url(alert, "/resolve"), alert.Version, new { note = "x" }), 400, "outcome");
        await Expect.Problem(await officer.PostIfMatch(Url(alert, "/resolve"), alert.Version, new { outcome = "forgiven", note = "x" }), 400, "outcome");
        await Expect.Problem(await officer.PostIfMatch(Url(alert, "/resolve"), alert.Version, new { outcome = "excused" }), 400, "note");
        await Expect.Problem(await officer.PostIfMatch(Url(alert, "/resolve"), alert.Version,
            new { outcome = "excused", note = "Đi khám bệnh", issueWarning = true }), 400, "issueWarning");
        await Expect.Problem(await officer.PostIfMatch(Url(hotspot, "/resolve"), hotspot.Version,
            new { outcome = "confirmedViolation", note = "Có mặt ở quán" }), 400, "outcome");

        var acknowledged = await Expect.Json<AlertDto>(await officer.PostIfMatch(Url(alert, "/acknowledge"), alert.Version));
        await Expect.Problem(await officer.PostIfMatch(Url(alert, "/acknowledge"), acknowledged.Version), 409, "state");
        var resolved = await Expect.Json<AlertDto>(await officer.PostIfMatch(Url(alert, "/resolve"), acknowledged.Version,
            new { outcome = "excused", note = "Đi khám bệnh" }));
        await Expect.Problem(await officer.PostIfMatch(Url(alert, "/resolve"), resolved.Version, new { outcome = "falseAlarm", note = "x" }), 409, "state");
        await Expect.Problem(await officer.PostIfMatch(Url(alert, "/acknowledge"), resolved.Version), 409, "state");
        await Expect.Problem(await officer.PostIfMatch(Url(alert, "/escalate"), resolved.Version), 409, "state");
        await Expect.Problem(await officer.GetAsync($"/api/v1/alerts/{Guid.CreateVersion7()}"), 404, "id");
    }

    [Fact]
    public async Task Notes_Added_ShownInOrderAndImmutable()
    {
        var officer = await fixture.LogInAsync("hk.officer1");
        var supervisor = await fixture.LogInAsync("hn.supervisor");
        var alert = await fixture.RaiseAsync(Person);

        var first = await Expect.Json<AlertNoteDto>(await officer.Post(Url(alert, "/notes"), new { text = "Đã gọi cho gia đình" }), 201);
        await Expect.Json<AlertNoteDto>(await supervisor.Post(Url(alert, "/notes"), new { text = "Tỉnh đã nắm" }), 201);
        await Expect.Problem(await officer.Post(Url(alert, "/notes"), new { text = "  " }), 400, "text");
        await Expect.Problem(await officer.Post(Url(alert, "/notes"), new { text = new string('x', 2001) }), 400, "text");

        var read = await officer.GetAlertAsync(alert.Id);
        Assert.Equal(["Đã gọi cho gia đình", "Tỉnh đã nắm"], read.Notes.Select(n => n.Text));
        Assert.Equal((await officer.MeAsync()).Id, first.AuthorUserId);
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.ExecuteSqlAsync("""UPDATE "AlertNotes" SET "Text" = 'x'"""));
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.ExecuteSqlAsync("""DELETE FROM "AlertNotes" """));
    }

    [Fact]
    public async Task Jurisdiction_OtherCommuneHidden_ProvinceSees_AnalystReadsOnly()
    {
        var alert = await fixture.RaiseAsync(Person, RuleKind.Tamper);
        var otherCommune = await fixture.LogInAsync("bd.officer1");
        var province = await fixture.LogInAsync("hn.supervisor");
        var analyst = await fixture.LogInAsync("hn.analyst");
        var logistics = await fixture.LogInAsync("hn.logistics");
        var wearerAccount = fixture.Credentials.Wearers.Single(w => w.Username == "hk.wearer1");
        var wearer = await fixture.LogInAsync(wearerAccount.Username, wearerAccount.Password, null);

        await Expect.Problem(await otherCommune.GetAsync(Url(alert)), 404);
        await Expect.Problem(await otherCommune.Post(Url(alert, "/notes"), new { text = "x" }), 404);
        var theirs = await Expect.Json<PageOf<AlertSummaryDto>>(await otherCommune.GetAsync("/api/v1/alerts?pageSize=200"));
        Assert.DoesNotContain(theirs.Items, a => a.Id == alert.Id);
        Assert.All(theirs.Items, a => Assert.Equal("00004", a.CommuneCode));

        var provinceList = await Expect.Json<PageOf<AlertSummaryDto>>(await province.GetAsync($"/api/v1/alerts?personId={Person}&pageSize=200"));
        Assert.Contains(provinceList.Items, a => a.Id == alert.Id);
        Assert.Equal(alert.Id, (await province.GetAlertAsync(alert.Id)).Id);

        var read = await analyst.GetAlertAsync(alert.Id);
        await Expect.Problem(await analyst.PostIfMatch(Url(alert, "/acknowledge"), read.Version), 403);
        await Expect.Problem(await analyst.Post(Url(alert, "/notes"), new { text = "x" }), 403);
        await Expect.Problem(await province.PostIfMatch(Url(alert, "/resolve"), read.Version, new { outcome = "falseAlarm", note = "x" }), 403);
        await Expect.Problem(await logistics.GetAsync(Url(alert)), 403);
        await Expect.Problem(await wearer.GetAsync(Url(alert)), 403);
        await Expect.Problem(await wearer.GetAsync("/api/v1/alerts"), 403);

        var acknowledged = await Expect.Json<AlertDto>(await province.PostIfMatch(Url(alert, "/acknowledge"), read.Version));
        Assert.Equal(AlertState.Acknowledged, acknowledged.State);
    }

    [Fact]
    public async Task List_SortedBySeverityThenAge_FilteredAndCounted()
    {
        var officer = await fixture.LogInAsync("hk.officer1");
        var person = fixture.Credentials.Wearers.Single(w => w.Username == "hk.wearer2").PersonId;
        var offline = await fixture.RaiseAsync(person, RuleKind.Offline);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var outsideOld = await fixture.RaiseAsync(person, RuleKind.OutsideArea);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var outsideNew = await fixture.RaiseAsync(person, RuleKind.OutsideArea);
        var tamper = await fixture.RaiseAsync(person, RuleKind.Tamper);
        var done = await fixture.RaiseAsync(person, RuleKind.NotWorn);
        await Expect.Json<AlertDto>(await officer.PostIfMatch(Url(done, "/resolve"), done.Version, new { outcome = "deviceFault", note = "Cảm biến hỏng" }));
        var scope = $"/api/v1/alerts?personId={person}&pageSize=200";

        var queue = await Expect.Json<PageOf<AlertSummaryDto>>(await officer.GetAsync(scope));
        Assert.Equal([tamper.Id, outsideOld.Id, outsideNew.Id, offline.Id], queue.Items.Select(a => a.Id));

        var critical = await Expect.Json<PageOf<AlertSummaryDto>>(await officer.GetAsync($"{scope}&severity=critical"));
        Assert.Equal([tamper.Id], critical.Items.Select(a => a.Id));
        var byRule = await Expect.Json<PageOf<AlertSummaryDto>>(await officer.GetAsync($"{scope}&rule=outsideArea"));
        Assert.Equal([outsideOld.Id, outsideNew.Id], byRule.Items.Select(a => a.Id));
        var resolved = await Expect.Json<PageOf<AlertSummaryDto>>(await officer.GetAsync($"{scope}&state=resolved"));
        Assert.Equal([done.Id], resolved.Items.Select(a => a.Id));
        var from = Uri.EscapeDataString(outsideNew.RaisedAt.ToString("O"));
        var recent = await Expect.Json<PageOf<AlertSummaryDto>>(await officer.GetAsync($"{scope}&from={from}"));
        Assert.Equal([tamper.Id, outsideNew.Id], recent.Items.Select(a => a.Id));
        var paged = await Expect.Json<PageOf<AlertSummaryDto>>(await officer.GetAsync($"/api/v1/alerts?personId={person}&pageSize=2&page=2"));
        Assert.Equal(4, paged.Total);
        Assert.Equal([outsideNew.Id, offline.Id], paged.Items.Select(a => a.Id));

        var counts = await Expect.Json<AlertCounts>(await officer.GetAsync($"/api/v1/alerts/counts?personId={person}"));
        Assert.Equal(new AlertCounts(4, 0, 1, 0), counts);

        await Expect.Problem(await officer.GetAsync("/api/v1/alerts?state=closed"), 400, "state");
        await Expect.Problem(await officer.GetAsync("/api/v1/alerts?severity=urgent"), 400, "severity");
        await Expect.Problem(await officer.GetAsync("/api/v1/alerts?rule=speeding"), 400, "rule");
        await Expect.Problem(await officer.GetAsync($"/api/v1/alerts?from={from}&to=2020-01-01T00:00:00Z"), 400, "to");
    }

    [Fact]
    public async Task Escalate_ByTheCommune_ProvinceNotifiedAndFilterable()
    {
        var officer = await fixture.LogInAsync("hk.chief");
        var province = await fixture.LogInAsync("hn.supervisor");
        var alert = await fixture.RaiseAsync(Person, RuleKind.HotspotEntry);

        var escalated = await Expect.Json<AlertDto>(await officer.PostIfMatch(Url(alert, "/escalate"), alert.Version, new { note = "Cần tỉnh hỗ trợ" }));

        Assert.Equal(fixture.Clock.GetUtcNow(), escalated.EscalatedAt);
        Assert.Equal((await officer.MeAsync()).Id, escalated.EscalatedBy);
        Assert.Equal(AlertState.Open, escalated.State);
        await Expect.Problem(await officer.PostIfMatch(Url(alert, "/escalate"), escalated.Version), 409, "escalatedAt");
        var list = await Expect.Json<PageOf<AlertSummaryDto>>(await province.GetAsync($"/api/v1/alerts?escalated=true&personId={Person}&pageSize=200"));
        Assert.Contains(list.Items, a => a.Id == alert.Id);
        var notEscalated = await Expect.Json<PageOf<AlertSummaryDto>>(await province.GetAsync($"/api/v1/alerts?escalated=false&personId={Person}&pageSize=200"));
        Assert.DoesNotContain(notEscalated.Items, a => a.Id == alert.Id);
        var inbox = await Expect.Json<PageOf<NotificationDto>>(await province.GetAsync("/api/v1/notifications?pageSize=200"));
        var notice = Assert.Single(inbox.Items, n => n.Kind == "alert-escalated" && n.BodyEn.Contains(alert.Id.ToString(), StringComparison.Ordinal));
        Assert.StartsWith("Cảnh báo chuyển lên cấp tỉnh: Vào địa điểm trọng điểm về ma túy", notice.TitleVi, StringComparison.Ordinal);
    }
}

public sealed class SqliteAlertApiTests(SqliteFixture fixture) : AlertApiTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAlertApiTests(PostgresFixture fixture) : AlertApiTests(fixture), IClassFixture<PostgresFixture>;
