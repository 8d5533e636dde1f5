using Vigil.Domain.Time;
using Vigil.Server.Api;
using Vigil.Server.Audit;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// The "done means": a commune officer sees only their commune; creates a person; the chief signs;
/// zones are registered; a device is allocated, provisioned and attached — and every step is audited and verifies.
/// </summary>
public abstract class CaseWorkflowTests(VigilFixture fixture)
{
    private DateOnly Today => VietnamTime.LocalDate(fixture.Clock.GetUtcNow());

    [Fact]
    public async Task CommuneOfficer_ListsPeople_SeesOnlyOwnCommune()
    {
        var officer = await fixture.LogInAsync("hk.officer1");
        var page = await Expect.Json<PageOf<PersonSummary>>(await officer.GetAsync("/api/v1/persons?pageSize=200"));
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, p => Assert.Equal("00070", p.CommuneCode));

        var province = await fixture.LogInAsync("hn.supervisor");
        var all = await Expect.Json<PageOf<PersonSummary>>(await province.GetAsync("/api/v1/persons?pageSize=200"));
        Assert.Contains(all.Items, p => p.CommuneCode == "00004");
        Assert.Contains(all.Items, p => p.CommuneCode == "00070");
    }

    [Fact]
    public async Task FullCase_FromRegistrationToAttachment_IsAuditedAndVerifies()
    {
        var officer = await fixture.LogInAsync("hk.officer1");
        var chief = await fixture.LogInAsync("hk.chief");
        var otherChief = await fixture.LogInAsync("bd.chief");
        var logistics = await fixture.LogInAsync("hn.logistics");

        var person = await officer.CreatePersonAsync("00070", Today.AddYears(-28));
        var decision = await officer.DraftDecisionAsync(person.Id, Today, 24);
        Assert.Equal(Vigil.Domain.Decisions.DecisionStatus.Draft, decision.Status);

        await Expect.Problem(await officer.PostAsync($"/api/v1/decisions/{decision.Id}/sign", null), 403);
        await Expect.Problem(await otherChief.PostAsync($"/api/v1/decisions/{decision.Id}/sign", null), 404);
        var signed = await Expect.Json<DecisionDto>(await chief.PostAsync($"/api/v1/decisions/{decision.Id}/sign", null));
        Assert.Equal(Vigil.Domain.Decisions.DecisionStatus.Signed, signed.Status);
        var active = await Expect.Json<DecisionDto>(await officer.PostAsync($"/api/v1/decisions/{decision.Id}/activate", null));
        Assert.Equal(Vigil.Domain.Decisions.DecisionStatus.Active, active.Status);

        var scope = await Expect.Json<ScopeDto>(await officer.Post($"/api/v1/persons/{person.Id}/scope", ApiSteps.ScopeBody()), 201);
        Assert.Equal(2, scope.Zones.Count);
        var current = await Expect.Json<ScopeDto>(await officer.GetAsync($"/api/v1/persons/{person.Id}/scope"));
        Assert.Equal(scope.Id, current.Id);

        // Logistics registers and provisions a device: the secret is shown once and never again.
        var device = await Expect.Json<DeviceDto>(await logistics.Post("/api/v1/devices",
            new { serial = "TEST-0001", imei = "860000000000001", model = "Vigil Band 1", firmware = "1.4.2" }), 201);
        var provisioned = await Expect.Json<ProvisionedDevice>(await logistics.PostAsync($"/api/v1/devices/{device.Id}/provision", null));
        Assert.True(provisioned.Secret.Length >= 40);
        var read = await logistics.GetStringAsync($"/api/v1/devices/{device.Id}");
        Assert.DoesNotContain(provisioned.Secret, read, StringComparison.Ordinal);

        // The commune proposes, the province allocates stock, the officer attaches.
        var proposal = await Expect.Json<ProposalDto>(await chief.Post("/api/v1/device-proposals", new { requested = 1, justification = "Người mới" }), 201);
        await Expect.Json<ProposalDto>(await logistics.Post($"/api/v1/device-proposals/{proposal.Id}/allocate", new { count = 1 }));
        var stock = await Expect.Json<PageOf<DeviceDto>>(await officer.GetAsync("/api/v1/devices?status=inStock"));
        var allocated = Assert.Single(stock.Items);
        var attachment = await Expect.Json<RecordDto>(await officer.Post($"/api/v1/persons/{person.Id}/records/attachment",
            new { deviceId = allocated.Id, position = "leftWrist", placeDescription = "Trụ sở Công an phường", acknowledgedByWearer = true }), 201);
        Assert.Equal(allocated.Id, attachment.DeviceId);
        var assigned = await Expect.Json<DeviceDto>(await officer.GetAsync($"/api/v1/devices/{allocated.Id}"));
        Assert.Equal(Vigil.Domain.Devices.DeviceStatus.Assigned, assigned.Status);
        Assert.Equal(person.Id, assigned.AssignedPersonId);
        await Expect.Status(await officer.GetAsync($"/api/v1/persons/{person.Id}"), 200);

        var admin = await fixture.LogInAsync("c04.supervisor");
        var trail = await Expect.Json<PageOf<Vigil.Domain.Audit.AuditEntry>>(await admin.GetAsync($"/api/v1/audit?personId={person.Id}&pageSize=200"));
        var actions = trail.Items.Select(a => a.Action).ToHashSet();
        foreach (var expected in new[] { "person.create", "decision.draft", "decision.sign", "decision.activate", "scope.register", "record.attachment", "person.read", "scope.read" })
        {
            Assert.Contains(expected, actions);
        }

        Assert.Contains(trail.Items, a => a.Action == "decision.sign" && a.ActorName.Contains("Trưởng", StringComparison.Ordinal));
        var verification = await Expect.Json<AuditVerification>(await admin.GetAsync("/api/v1/audit/verify"));
        Assert.True(verification.Valid, verification.Reason);
        Assert.True(verification.EntriesChecked > 10);
    }

    [Fact]
    public async Task Wearer_RequestsTemporaryRemoval_OfficerApprovesAndRecordsRemovalAndReattachment()
    {
        var wearerCredentials = fixture.Credentials.Wearers.First(w => w.Username.StartsWith("hk.", StringComparison.Ordinal));
        var wearer = await fixture.LogInAsync(wearerCredentials.Username, wearerCredentials.Password, null);
        var officer = await fixture.LogInAsync("hk.officer1");
        var now = fixture.Clock.GetUtcNow();

        var request = await Expect.Json<RequestDto>(await wearer.Post($"/api/v1/persons/{wearerCredentials.PersonId}/requests/temporary-removal",
            new { reason = "Chụp MRI tại bệnh viện Bạch Mai", startsAt = now.AddHours(2), expectedEnd = now.AddHours(6) }), 201);
        Assert.Equal(Vigil.Domain.Requests.RequestStatus.Pending, request.Status);
        var pending = await Expect.Json<PageOf<RequestDto>>(await officer.GetAsync("/api/v1/requests"));
        Assert.Contains(pending.Items, r => r.Id == request.Id);

        await Expect.Json<RequestDto>(await officer.Post($"/api/v1/requests/{request.Id}/approve", new { note = "Đồng ý" }));
        var removal = await Expect.Json<RecordDto>(await officer.Post($"/api/v1/persons/{wearerCredentials.PersonId}/records/temporary-removal",
            new { requestId = request.Id, placeDescription = "Bệnh viện Bạch Mai" }), 201);
        Assert.Equal(now.AddHours(6), removal.ExpectedEnd);
        await Expect.Status(await officer.Post($"/api/v1/persons/{wearerCredentials.PersonId}/records/reattachment", new { placeDescription = "Trụ sở" }), 201);

        var mine = await Expect.Json<List<RequestDto>>(await wearer.GetAsync($"/api/v1/persons/{wearerCredentials.PersonId}/requests"));
        Assert.Equal(Vigil.Domain.Requests.RequestStatus.Approved, mine.Single(r => r.Id == request.Id).Status);
    }

    [Fact]
    public async Task Wearer_ReportsTravel_OfficerApproves()
    {
        var credentials = fixture.Credentials.Wearers.Last(w => w.Username.StartsWith("bd.", StringComparison.Ordinal));
        var wearer = await fixture.LogInAsync(credentials.Username, credentials.Password, null);
        var officer = await fixture.LogInAsync("bd.officer2");
        var now = fixture.Clock.GetUtcNow();

        await Expect.Problem(await wearer.Post($"/api/v1/persons/{credentials.PersonId}/requests/travel-report",
            new { reason = "Thăm mẹ ốm", startsAt = now.AddHours(1), expectedEnd = now.AddDays(2) }), 400, "destination");
        var report = await Expect.Json<RequestDto>(await wearer.Post($"/api/v1/persons/{credentials.PersonId}/requests/travel-report",
            new { reason = "Thăm mẹ ốm", destination = "Hải Phòng", startsAt = now.AddHours(1), expectedEnd = now.AddDays(2) }), 201);
        Assert.Equal("Hải Phòng", report.Destination);
        var approved = await Expect.Json<RequestDto>(await officer.Post($"/api/v1/requests/{report.Id}/approve", new { note = "Đồng ý" }));
        Assert.Equal(Vigil.Domain.Requests.RequestStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task Wearer_ReadsAnotherPerson_NotFound()
    {
        var credentials = fixture.Credentials.Wearers[0];
        var wearer = await fixture.LogInAsync(credentials.Username, credentials.Password, null);
        var other = fixture.Credentials.Devices.First(d => d.PersonId is not null && d.PersonId != credentials.PersonId).PersonId;
        await Expect.Status(await wearer.GetAsync($"/api/v1/persons/{credentials.PersonId}"), 200);
        await Expect.Problem(await wearer.GetAsync($"/api/v1/persons/{other}"), 403);
        await Expect.Problem(await wearer.GetAsync("/api/v1/persons"), 403);
    }

    [Fact]
    public async Task PositionChangeForComfort_WornLessThanAMonth_RefusedNamingPosition()
    {
        var credentials = fixture.Credentials.Wearers.First(w => w.Username.StartsWith("bd.", StringComparison.Ordinal));
        var wearer = await fixture.LogInAsync(credentials.Username, credentials.Password, null);
        var records = await Expect.Json<List<RecordDto>>(await wearer.GetAsync($"/api/v1/persons/{credentials.PersonId}/records"));
        var position = records.Single(r => r.Kind == Vigil.Domain.Records.RecordKind.Attachment).Position;
        var other = position == Vigil.Domain.Records.BodyPosition.LeftWrist ? "rightWrist" : "leftWrist";

        var problem = await Expect.Problem(await wearer.Post($"/api/v1/persons/{credentials.PersonId}/requests/position-change",
            new { reason = "Vướng khi làm việc", position = other, positionReason = "comfort" }), 400, "position");
        Assert.Equal("worn-less-than-a-month", problem.GetProperty("code").GetString());

        await Expect.Status(await wearer.Post($"/api/v1/persons/{credentials.PersonId}/requests/position-change",
            new { reason = "Bó bột cổ tay", position = other, positionReason = "medical" }), 201);
    }

    [Fact]
    public async Task ResidenceChange_ArrivalRecordedByNewCommune_TransfersCaseWithHistory()
    {
        var oldOfficer = await fixture.LogInAsync("hk.officer2");
        var oldChief = await fixture.LogInAsync("hk.chief");
        var newOfficer = await fixture.LogInAsync("bd.officer2");
        var person = await oldOfficer.ActiveCaseAsync(oldChief, "00070", Today);

        var request = await Expect.Json<RequestDto>(await oldOfficer.Post($"/api/v1/persons/{person.Id}/requests/residence-change",
            new { reason = "Chuyển về ở với gia đình", toCommuneCode = "00004", newAddress = "Số 5 Đội Cấn, Ba Đình" }), 201);
        Assert.Equal("00070", request.FromCommuneCode);

        // The new commune cannot record the arrival before the old one approves and records the departure.
        await Expect.Problem(await newOfficer.Post($"/api/v1/persons/{person.Id}/records/residence-arrival", new { requestId = request.Id }), 404);
        await Expect.Status(await oldOfficer.Post($"/api/v1/requests/{request.Id}/approve", new { note = "Đồng ý" }), 200);
        await Expect.Problem(await newOfficer.Post($"/api/v1/persons/{person.Id}/records/residence-arrival", new { requestId = request.Id }), 409);
        Assert.DoesNotContain(await IncomingAsync(newOfficer), m => m.Request.Id == request.Id); // not before the departure
        await Expect.Status(await oldOfficer.Post($"/api/v1/persons/{person.Id}/records/residence-departure", new { requestId = request.Id }), 201);

        // The new commune finds the person it is to receive; the old commune does not.
        var incoming = Assert.Single(await IncomingAsync(newOfficer), m => m.Request.Id == request.Id);
        Assert.Equal((person.FullName, "00070", "Số 5 Đội Cấn, Ba Đình"), (incoming.FullName, incoming.Request.FromCommuneCode, incoming.Request.NewAddress));
        Assert.DoesNotContain(await IncomingAsync(oldOfficer), m => m.Request.Id == request.Id);
        await Expect.Status(await newOfficer.Post($"/api/v1/persons/{person.Id}/records/residence-arrival", new { requestId = request.Id, placeDescription = "Công an phường Ba Đình" }), 201);
        Assert.DoesNotContain(await IncomingAsync(newOfficer), m => m.Request.Id == request.Id);

        var moved = await Expect.Json<PersonDto>(await newOfficer.GetAsync($"/api/v1/persons/{person.Id}"));
        Assert.Equal("00004", moved.CommuneCode);
        await Expect.Problem(await oldOfficer.GetAsync($"/api/v1/persons/{person.Id}"), 404);
        var history = await Expect.Json<List<RecordDto>>(await newOfficer.GetAsync($"/api/v1/persons/{person.Id}/records"));
        Assert.Contains(history, r => r.Kind == Vigil.Domain.Records.RecordKind.ResidenceDeparture);
        Assert.Contains(history, r => r.Kind == Vigil.Domain.Records.RecordKind.ResidenceArrival);
        var decisions = await Expect.Json<List<DecisionDto>>(await newOfficer.GetAsync($"/api/v1/persons/{person.Id}/decisions"));
        Assert.Single(decisions);
    }

    private static async Task<List<IncomingMoveDto>> IncomingAsync(HttpClient officer) =>
        await Expect.Json<List<IncomingMoveDto>>(await officer.GetAsync("/api/v1/requests/incoming"));

    [Fact]
    public async Task Records_SwapCorrectionAndCollection_KeepTheHistory()
    {
        var officer = await fixture.LogInAsync("bd.officer1");
        var chief = await fixture.LogInAsync("bd.chief");
        var logistics = await fixture.LogInAsync("hn.logistics");
        var person = await officer.ActiveCaseAsync(chief, "00004", Today);

        var proposal = await Expect.Json<ProposalDto>(await chief.Post("/api/v1/device-proposals", new { requested = 2 }), 201);
        await Expect.Status(await logistics.Post($"/api/v1/device-proposals/{proposal.Id}/allocate", new { count = 2 }), 200);
        var stock = (await Expect.Json<PageOf<DeviceDto>>(await officer.GetAsync("/api/v1/devices?status=inStock"))).Items;
        var (first, second) = (stock[0], stock[1]);

        var attachment = await Expect.Json<RecordDto>(await officer.Post($"/api/v1/persons/{person.Id}/records/attachment",
            new { deviceId = first.Id, position = "rightAnkle", placeDescription = "Nhà riêng" }), 201);
        await Expect.Problem(await officer.Post($"/api/v1/persons/{person.Id}/records/attachment",
            new { deviceId = second.Id, position = "leftWrist" }), 409, "deviceId");

        // A correction is a new record naming the old one; the old one stays as it was.
        var correction = await Expect.Json<RecordDto>(await officer.Post($"/api/v1/persons/{person.Id}/records/attachment",
            new { correctsRecordId = attachment.Id, position = "leftAnkle", placeDescription = "Trụ sở Công an phường", notes = "Ghi nhầm vị trí" }), 201);
        Assert.Equal(first.Id, correction.DeviceId);
        await Expect.Problem(await officer.Post($"/api/v1/persons/{person.Id}/records/warning",
            new { correctsRecordId = attachment.Id, reason = "x" }), 400, "correctsRecordId");

        var swap = await Expect.Json<RecordDto>(await officer.Post($"/api/v1/persons/{person.Id}/records/device-swap",
            new { deviceId = second.Id, reason = "Thiết bị báo lỗi cảm biến", oldDeviceFaulty = true }), 201);
        Assert.Equal(first.Id, swap.PreviousDeviceId);
        Assert.Equal(Vigil.Domain.Records.BodyPosition.LeftAnkle, swap.Position);
        Assert.Equal(Vigil.Domain.Devices.DeviceStatus.InRepair, (await Expect.Json<DeviceDto>(await officer.GetAsync($"/api/v1/devices/{first.Id}"))).Status);

        await Expect.Status(await officer.Post($"/api/v1/persons/{person.Id}/records/collection", new { reason = "Hết thời hạn" }), 201);
        var returned = await Expect.Json<DeviceDto>(await officer.GetAsync($"/api/v1/devices/{second.Id}"));
        Assert.Equal(Vigil.Domain.Devices.DeviceStatus.InStock, returned.Status);
        Assert.Null(returned.AssignedPersonId);

        var history = await Expect.Json<List<RecordDto>>(await officer.GetAsync($"/api/v1/persons/{person.Id}/records"));
        Assert.Equal(4, history.Count);
        Assert.Equal(Vigil.Domain.Records.BodyPosition.RightAnkle, history.Single(r => r.Id == attachment.Id).Position);
    }

    [Fact]
    public async Task Decision_SuspendResumeEnd_OnlyByTheChief_WithReasonsKept()
    {
        var officer = await fixture.LogInAsync("hk.officer2");
        var chief = await fixture.LogInAsync("hk.chief");
        var person = await officer.ActiveCaseAsync(chief, "00070", Today);
        var decision = Assert.Single(await Expect.Json<List<DecisionDto>>(await officer.GetAsync($"/api/v1/persons/{person.Id}/decisions")));

        await Expect.Problem(await officer.Post($"/api/v1/decisions/{decision.Id}/suspend", new { reason = "temporaryDetention" }), 403);
        await Expect.Problem(await chief.Post($"/api/v1/decisions/{decision.Id}/resume", new { }), 409);
        var suspended = await Expect.Json<DecisionDto>(await chief.Post($"/api/v1/decisions/{decision.Id}/suspend",
            new { reason = "temporaryDetention", note = "Tạm giữ hình sự" }));
        Assert.Equal(Vigil.Domain.Decisions.DecisionStatus.Suspended, suspended.Status);
        fixture.Clock.Advance(TimeSpan.FromDays(3));
        (officer, chief) = (await fixture.LogInAsync("hk.officer2"), await fixture.LogInAsync("hk.chief"));
        await Expect.Json<DecisionDto>(await chief.Post($"/api/v1/decisions/{decision.Id}/resume", new { note = "Trả tự do" }));

        // A second decision cannot be signed while this one is in force.
        var second = await officer.DraftDecisionAsync(person.Id, Today.AddDays(3));
        await Expect.Problem(await chief.PostAsync($"/api/v1/decisions/{second.Id}/sign", null), 409, "personId");

        var ended = await Expect.Json<DecisionDto>(await chief.Post($"/api/v1/decisions/{decision.Id}/end", new { note = "Kết thúc trước thời hạn" }));
        Assert.Equal(Vigil.Domain.Decisions.DecisionStatus.Ended, ended.Status);
        Assert.Equal(
            [Vigil.Domain.Decisions.DecisionActionKind.Signature, Vigil.Domain.Decisions.DecisionActionKind.Activation,
             Vigil.Domain.Decisions.DecisionActionKind.Suspension, Vigil.Domain.Decisions.DecisionActionKind.Resumption,
             Vigil.Domain.Decisions.DecisionActionKind.Ending],
            ended.Actions.Select(a => a.Kind));
        Assert.Equal(Vigil.Domain.Decisions.SuspensionReason.TemporaryDetention, ended.Actions[2].SuspensionReason);
        await Expect.Status(await chief.PostAsync($"/api/v1/decisions/{second.Id}/sign", null), 200);
    }

    [Fact]
    public async Task Minor_DecisionSigned_GuardianNotifiedAndSeesOnlyDecision()
    {
        var officer = await fixture.LogInAsync("bd.officer1");
        var chief = await fixture.LogInAsync("bd.chief");

        var child = await officer.CreatePersonAsync("00004", Today.AddYears(-11));
        await Expect.Problem(await officer.Post($"/api/v1/persons/{child.Id}/decisions", new { durationMonths = 12, startDate = Today }), 400, "startDate");
        var unaccompanied = await officer.CreatePersonAsync("00004", Today.AddYears(-15));
        await Expect.Problem(await officer.Post($"/api/v1/persons/{unaccompanied.Id}/decisions", new { durationMonths = 12, startDate = Today }), 400, "guardians");

        var minor = await officer.CreatePersonAsync("00004", Today.AddYears(-15),
            [new { fullName = "Lê Thị Mẹ", relationship = "Mẹ", phone = "0987654321" }]);
        var guardian = Assert.Single(minor.Guardians);
        var account = await Expect.Json<CreatedAccount>(await officer.Post($"/api/v1/persons/{minor.Id}/guardians/{guardian.Id}/account",
            new { username = $"guardian.{minor.Id:N}" }), 201);
        var decision = await officer.DraftDecisionAsync(minor.Id, Today);
        Assert.True(decision.GuardianRequired);
        await Expect.Status(await chief.PostAsync($"/api/v1/decisions/{decision.Id}/sign", null), 200);

        var parent = await fixture.LogInAsync(account.User.Username, account.InitialPassword!, null);
        var inbox = await Expect.Json<PageOf<NotificationDto>>(await parent.GetAsync("/api/v1/notifications"));
        var notice = Assert.Single(inbox.Items);
        Assert.Equal("decision-signed", notice.Kind);
        Assert.Contains(decision.Number, notice.TitleVi, StringComparison.Ordinal);
        var decisions = await Expect.Json<List<DecisionDto>>(await parent.GetAsync($"/api/v1/persons/{minor.Id}/decisions"));
        Assert.Equal(decision.Id, Assert.Single(decisions).Id);
        await Expect.Problem(await parent.GetAsync($"/api/v1/persons/{minor.Id}"), 403);
        await Expect.Problem(await parent.GetAsync($"/api/v1/persons/{minor.Id}/records"), 403);
    }
}

public sealed class SqliteCaseWorkflowTests(SqliteFixture fixture) : CaseWorkflowTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresCaseWorkflowTests(PostgresFixture fixture) : CaseWorkflowTests(fixture), IClassFixture<PostgresFixture>;
