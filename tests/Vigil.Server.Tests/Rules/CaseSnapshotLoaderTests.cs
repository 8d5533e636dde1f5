using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Rules;
using Vigil.Domain.Scope;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Rules;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Rules;

/// <summary>
/// The case a device is judged by, read back from a registry built through the real API with the fake clock
/// moving between the steps: every window is asserted to the exact instant.
/// </summary>
public abstract partial class CaseSnapshotLoaderTests(VigilFixture fixture)
{
    [Fact]
    public async Task LoadAsync_DeviceInStockOrUnknown_Null()
    {
        var (_, _, logistics, unitId) = await TeamAsync();
        var device = await NewDeviceAsync(logistics, unitId);

        Assert.Null(await LoadAsync(device));
        Assert.Null(await LoadAsync(device with { DeviceId = "VG-NO-SUCH-DEVICE" }));
    }

    [Fact]
    public async Task LoadAsync_AttachedAfterActivation_MonitoredFromAttachmentWithEveryScopeVersion()
    {
        var (officer, chief, logistics, unitId) = await TeamAsync();
        var device = await NewDeviceAsync(logistics, unitId);
        var activated = Now;
        var person = await officer.ActiveCaseAsync(chief, "00070", Today);
        Advance(TimeSpan.FromHours(1));
        var attached = Now;
        await AttachAsync(officer, person.Id, device);
        Advance(TimeSpan.FromHours(2));
        var rescoped = Now;
        await Expect.Status(await officer.Post($"/api/v1/persons/{person.Id}/scope", ApiSteps.ScopeBody()), 201);

        var loaded = await LoadAsync(device);

        Assert.NotNull(loaded);
        Assert.Equal(person.Id, loaded.PersonId);
        Assert.Equal(unitId, loaded.ManagingUnitId);
        var snapshot = loaded.Snapshot;
        Assert.Equal(person.Id, snapshot.PersonId);
        Assert.Equal([new TimeWindow(attached, null)], snapshot.Monitored);
        Assert.Equal([new TimeWindow(activated, rescoped), new TimeWindow(rescoped, null)], snapshot.Scopes.Select(s => s.InForce));
        foreach (var scope in snapshot.Scopes)
        {
            Assert.Equal([ZoneKind.Residence, ZoneKind.Work], scope.Zones.Select(z => z.Kind));
            var home = scope.Zones[0];
            Assert.Equal(("Nhà", 21.0340, 105.8520, 150.0), (home.Name, home.Shape.CenterLat, home.Shape.CenterLon, home.Shape.RadiusMeters));
            Assert.Null(home.Schedule);
            var work = scope.Zones[1];
            Assert.Equal("Xưởng", work.Name);
            Assert.NotNull(work.Shape.Polygon);
            var window = Assert.Single(work.Schedule!.Windows);
            Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], window.Days);
            Assert.Equal((new TimeOnly(7, 0), new TimeOnly(18, 0)), (window.From, window.To));
        }

        Assert.Empty(snapshot.ApprovedRemovals);
        Assert.Empty(snapshot.ApprovedTravel);
        Assert.Empty(snapshot.ResidenceChangeReported);
        Assert.Null(snapshot.DepartureAwaitingArrival);
        Assert.Null(snapshot.ReattachmentDueBy);
        Assert.Empty(snapshot.MalfunctionReports);
    }

    [Fact]
    public async Task LoadAsync_SuspendedResumedEnded_SuspensionAndEndExcluded()
    {
        var (officer, chief, logistics, unitId) = await TeamAsync();
        var device = await NewDeviceAsync(logistics, unitId);
        var person = await officer.ActiveCaseAsync(chief, "00070", Today);
        var decision = Assert.Single(await Expect.Json<List<DecisionDto>>(await officer.GetAsync($"/api/v1/persons/{person.Id}/decisions")));
        Advance(TimeSpan.FromHours(1));
        var attached = Now;
        await AttachAsync(officer, person.Id, device);
        Advance(TimeSpan.FromHours(1));
        var suspended = Now;
        await Expect.Status(await chief.Post($"/api/v1/decisions/{decision.Id}/suspend", new { reason = "temporaryDetention" }), 200);
        Advance(TimeSpan.FromHours(2));
        var resumed = Now;
        await Expect.Status(await chief.Post($"/api/v1/decisions/{decision.Id}/resume", new { }), 200);

        var running = (await LoadAsync(device))!.Snapshot;
        Assert.Equal([new TimeWindow(attached, suspended), new TimeWindow(resumed, null)], running.Monitored);
        Assert.False(running.MonitoredAt(resumed.AddTicks(-1)));

        Advance(TimeSpan.FromHours(1));
        var ended = Now;
        await Expect.Status(await chief.Post($"/api/v1/decisions/{decision.Id}/end", new { }), 200);

        Assert.Equal([new TimeWindow(attached, suspended), new TimeWindow(resumed, ended)], (await LoadAsync(device))!.Snapshot.Monitored);
    }

    [Fact]
    public async Task LoadAsync_DeviceSwappedAwayThenCollected_EachDeviceMonitoredOnlyWhileOnThePerson()
    {
        var (officer, chief, logistics, unitId) = await TeamAsync();
        var (first, second) = (await NewDeviceAsync(logistics, unitId), await NewDeviceAsync(logistics, unitId));
        var person = await officer.ActiveCaseAsync(chief, "00070", Today);
        var attached = Now;
        await AttachAsync(officer, person.Id, first);
        Advance(TimeSpan.FromHours(1));
        var swapped = Now;
        await RecordAsync(officer, person.Id, "device-swap", new { deviceId = second.Id, reason = "Thiết bị báo lỗi cảm biến", oldDeviceFaulty = true });

        Assert.Equal([new TimeWindow(attached, swapped)], (await LoadAsync(first))!.Snapshot.Monitored);
        Assert.Equal([new TimeWindow(swapped, null)], (await LoadAsync(second))!.Snapshot.Monitored);
        Assert.Equal(new[] { first.DeviceId, second.DeviceId }.Order(StringComparer.Ordinal), await DevicesOfAsync(person.Id));

        Advance(TimeSpan.FromHours(1));
        var collected = Now;
        await RecordAsync(officer, person.Id, "collection", new { reason = "Hết thời hạn" });
        var last = (await LoadAsync(second))!;
        Assert.Equal(person.Id, last.PersonId);
        Assert.Equal([new TimeWindow(swapped, collected)], last.Snapshot.Monitored);

        // Back from stock onto someone else: the device is now judged by the new person's case alone.
        var next = await officer.ActiveCaseAsync(chief, "00070", Today);
        Advance(TimeSpan.FromHours(1));
        var reused = Now;
        await AttachAsync(officer, next.Id, second);
        var moved = (await LoadAsync(second))!;
        Assert.Equal(next.Id, moved.PersonId);
        Assert.Equal([new TimeWindow(reused, null)], moved.Snapshot.Monitored);
        Assert.Equal([first.DeviceId], await DevicesOfAsync(person.Id));
        Assert.Equal([second.DeviceId], await DevicesOfAsync(next.Id));
    }

    [Fact]
    public async Task LoadAsync_RemovalApprovedAfterTheStrapOpened_WindowCoversTheOpeningUntilReattachment()
    {
        var (officer, chief, logistics, unitId) = await TeamAsync();
        var device = await NewDeviceAsync(logistics, unitId);
        var person = await officer.ActiveCaseAsync(chief, "00070", Today);
        var attached = Now;
        await AttachAsync(officer, person.Id, device);
        Advance(TimeSpan.FromHours(1));
        var strapOpened = Now; // taken off at the hospital; the officer hears of it afterwards
        Advance(TimeSpan.FromMinutes(10));
        var expectedEnd = strapOpened.AddHours(4);
        var request = await RequestAsync(officer, person.Id, "temporary-removal",
            new { reason = "Chụp MRI tại bệnh viện Bạch Mai", startsAt = strapOpened, expectedEnd });
        Assert.Empty((await LoadAsync(device))!.Snapshot.ApprovedRemovals);

        await DecideAsync(officer, request, "approve");
        var approved = (await LoadAsync(device))!.Snapshot;
        Assert.Equal([new TimeWindow(strapOpened, expectedEnd)], approved.ApprovedRemovals);
        Assert.Null(approved.ReattachmentDueBy);

        Advance(TimeSpan.FromMinutes(20));
        await RecordAsync(officer, person.Id, "temporary-removal", new { requestId = request.Id, placeDescription = "Bệnh viện Bạch Mai" });
        var removed = (await LoadAsync(device))!.Snapshot;
        Assert.Equal([new TimeWindow(strapOpened, null)], removed.ApprovedRemovals);
        Assert.True(removed.RemovalApprovedAt(strapOpened));
        Assert.False(removed.RemovalApprovedAt(strapOpened.AddTicks(-1)));
        Assert.Equal(expectedEnd, removed.ReattachmentDueBy);
        Assert.Equal([new TimeWindow(attached, null)], removed.Monitored);

        Advance(TimeSpan.FromHours(2));
        var reattached = Now;
        await RecordAsync(officer, person.Id, "reattachment", new { placeDescription = "Trụ sở" });
        var back = (await LoadAsync(device))!.Snapshot;
        Assert.Equal([new TimeWindow(strapOpened, reattached)], back.ApprovedRemovals);
        Assert.Null(back.ReattachmentDueBy);
    }

    [Fact]
    public async Task LoadAsync_TravelReports_OnlyTheApprovedOneFromLeavingToReturning()
    {
        var (officer, chief, logistics, unitId) = await TeamAsync();
        var device = await NewDeviceAsync(logistics, unitId);
        var person = await officer.ActiveCaseAsync(chief, "00070", Today);
        await AttachAsync(officer, person.Id, device);
        var refused = await RequestAsync(officer, person.Id, "travel-report",
            new { reason = "Đi chơi", destination = "Đà Nẵng", startsAt = Now.AddHours(1), expectedEnd = Now.AddDays(5) });
        await DecideAsync(officer, refused, "refuse", "Không có lý do chính đáng");
        Advance(TimeSpan.FromMinutes(30));
        var (leaves, returns) = (Now.AddHours(1), Now.AddDays(2));
        var pending = await RequestAsync(officer, person.Id, "travel-report", new { reason = "Thăm mẹ ốm", destination = "Hải Phòng", startsAt = leaves, expectedEnd = returns });
        Assert.Empty((await LoadAsync(device))!.Snapshot.ApprovedTravel);

        await DecideAsync(officer, pending, "approve");

        var snapshot = (await LoadAsync(device))!.Snapshot;
        Assert.Equal([new TimeWindow(leaves, returns)], snapshot.ApprovedTravel);
        Assert.True(snapshot.TravelApprovedAt(leaves.AddHours(3)));
    }

    [Fact]
    public async Task LoadAsync_ResidenceChange_ReportedUntilArrivalAndDepartureAwaitsArrival()
    {
        var (officer, chief, logistics, unitId) = await TeamAsync();
        var newOfficer = await fixture.LogInAsync("bd.officer1");
        var newUnitId = (await newOfficer.MeAsync()).Unit!.Id;
        var device = await NewDeviceAsync(logistics, unitId);
        var person = await officer.ActiveCaseAsync(chief, "00070", Today);
        await AttachAsync(officer, person.Id, device);
        var body = new { reason = "Chuyển về ở với gia đình", toCommuneCode = "00004", newAddress = "Số 5 Đội Cấn, Ba Đình" };
        var firstAsked = Now;
        var refused = await RequestAsync(officer, person.Id, "residence-change", body);
        Assert.Equal([new TimeWindow(firstAsked, null)], (await LoadAsync(device))!.Snapshot.ResidenceChangeReported);
        Advance(TimeSpan.FromMinutes(30));
        var refusedAt = Now;
        await DecideAsync(officer, refused, "refuse", "Thiếu xác nhận nơi ở mới");
        Advance(TimeSpan.FromHours(1));
        var asked = Now;
        var request = await RequestAsync(officer, person.Id, "residence-change", body);
        await DecideAsync(officer, request, "approve");
        Advance(TimeSpan.FromHours(1));
        var departed = Now;
        await RecordAsync(officer, person.Id, "residence-departure", new { requestId = request.Id });

        var moving = (await LoadAsync(device))!;
        Assert.Equal([new TimeWindow(firstAsked, refusedAt), new TimeWindow(asked, null)], moving.Snapshot.ResidenceChangeReported);
        Assert.Equal(departed, moving.Snapshot.DepartureAwaitingArrival);
        Assert.Equal(unitId, moving.ManagingUnitId);

        Advance(TimeSpan.FromHours(2));
        var arrived = Now;
        await RecordAsync(newOfficer, person.Id, "residence-arrival", new { requestId = request.Id, placeDescription = "Công an phường Ba Đình" });

        var settled = (await LoadAsync(device))!;
        Assert.Equal([new TimeWindow(firstAsked, refusedAt), new TimeWindow(asked, arrived)], settled.Snapshot.ResidenceChangeReported);
        Assert.Null(settled.Snapshot.DepartureAwaitingArrival);
        Assert.Equal(newUnitId, settled.ManagingUnitId);
    }

    [Fact]
    public async Task LoadAsync_MalfunctionReported_RequestAndRecordTimes()
    {
        var (officer, chief, logistics, unitId) = await TeamAsync();
        var device = await NewDeviceAsync(logistics, unitId);
        var person = await officer.ActiveCaseAsync(chief, "00070", Today);
        await AttachAsync(officer, person.Id, device);
        Advance(TimeSpan.FromHours(1));
        var requested = Now;
        await RequestAsync(officer, person.Id, "malfunction-report", new { reason = "Không sạc được", discoveredAt = Now.AddHours(-2) });
        Advance(TimeSpan.FromHours(1));
        var recorded = Now;
        await RecordAsync(officer, person.Id, "malfunction-report", new { reason = "Màn hình không sáng" });

        Assert.Equal([requested, recorded], (await LoadAsync(device))!.Snapshot.MalfunctionReports);
    }

    [Fact]
    public async Task LoadAsync_LongerHistory_SameHandfulOfQueries()
    {
        var (officer, chief, logistics, unitId) = await TeamAsync();
        var devices = new List<DeviceDto>();
        for (var i = 0; i < 4; i++)
        {
            devices.Add(await NewDeviceAsync(logistics, unitId));
        }

        var person = await officer.ActiveCaseAsync(chief, "00070", Today);
        await AttachAsync(officer, person.Id, devices[0]);
        var (shortHistory, _) = await CountQueriesAsync(devices[0], person.Id);

        foreach (var device in devices.Skip(1))
        {
            Advance(TimeSpan.FromHours(1));
            await RecordAsync(officer, person.Id, "device-swap", new { deviceId = device.Id, reason = "Thiết bị báo lỗi" });
            await DecideAsync(officer, await RequestAsync(officer, person.Id, "malfunction-report", new { reason = "Không sạc được" }), "approve");
            var travel = await RequestAsync(officer, person.Id, "travel-report",
                new { reason = "Thăm mẹ ốm", destination = "Hải Phòng", startsAt = Now.AddHours(1), expectedEnd = Now.AddDays(1) });
            await DecideAsync(officer, travel, "approve");
            await Expect.Status(await officer.Post($"/api/v1/persons/{person.Id}/scope", ApiSteps.ScopeBody()), 201);
        }

        var (longHistory, devicesOf) = await CountQueriesAsync(devices[^1], person.Id);

        Assert.Equal(6, shortHistory);
        Assert.Equal(6, longHistory);
        Assert.Equal(1, devicesOf);
    }

    private async Task<(int Load, int DevicesOfPerson)> CountQueriesAsync(DeviceDto device, Guid personId)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var loader = scope.ServiceProvider.GetRequiredService<CaseSnapshotLoader>();
        using var load = new QueryCounter(scope.ServiceProvider.GetRequiredService<VigilDbContext>());
        Assert.NotNull(await loader.LoadAsync(device.DeviceId, CancellationToken.None));
        var loading = load.Count;
        Assert.Contains(device.DeviceId, await loader.DevicesOfPersonAsync(personId, CancellationToken.None));
        return (loading, load.Count - loading);
    }
}

public sealed class SqliteCaseSnapshotLoaderTests(SqliteFixture fixture) : CaseSnapshotLoaderTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresCaseSnapshotLoaderTests(PostgresFixture fixture) : CaseSnapshotLoaderTests(fixture), IClassFixture<PostgresFixture>;
