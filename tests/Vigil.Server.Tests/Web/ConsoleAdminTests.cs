using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigil.Domain.Audit;
using Vigil.Domain.Time;
using Vigil.Server.Api;
using Vigil.Server.Audit;
using Vigil.Server.Tests.Alerts;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// The console's audit log, units and commune import, the officer's notification bell and the device page in a real
/// headless Chromium against the real server: what the screens draw is what the API answers.
/// </summary>
public sealed class ConsoleAdminTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.CloseContextsAsync();

    public Task DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task Audit_NationalSupervisorFiltersByActorActionPersonAndPeriod_PagesAndVerifiesTheChain()
    {
        // The commune chief reads one person 60 times: more than a page of entries under that actor and action.
        var chief = await fixture.LogInAsync("hk.chief");
        var person = (await Infrastructure.Expect.Json<PageOf<PersonSummary>>(await chief.GetAsync("/api/v1/persons?pageSize=1"))).Items[0];
        for (var i = 0; i < 60; i++)
        {
            await Infrastructure.Expect.Status(await chief.GetAsync($"/api/v1/persons/{person.Id}"), 200);
        }

        var national = await fixture.LogInAsync("c04.supervisor");
        async Task<PageOf<AuditEntry>> ApiAsync(string q) => await Infrastructure.Expect.Json<PageOf<AuditEntry>>(await national.GetAsync($"/api/v1/audit?pageSize=50&{q}"));
        var first = await ApiAsync("actor=hk.chief&action=person.read&page=1");
        var second = await ApiAsync("actor=hk.chief&action=person.read&page=2");
        Assert.True(first.Total >= 60);

        var page = await ConsoleSteps.OfficerAsync(fixture, "c04.supervisor");
        await page.GetByTestId("nav-audit").ClickAsync();
        await page.GetByTestId("audit-actor").FillAsync("hk.chief");
        await page.GetByTestId("audit-action").FillAsync("person.read");
        await page.GetByTestId("audit-show").ClickAsync();
        await ExpectEntriesAsync(page, first);
        await Assertions.Expect(page.GetByTestId("audit-page")).ToContainTextAsync($"Trang 1/{Pages(first.Total)} · {first.Total} bản ghi");
        await page.GetByTestId("audit-next").ClickAsync();
        await ExpectEntriesAsync(page, second);
        await Assertions.Expect(page.GetByTestId("audit-prev")).ToBeEnabledAsync();

        // The person, then a period: today (Vietnam time) has them all, tomorrow none.
        var today = VietnamTime.LocalDate(fixture.Clock.GetUtcNow());
        var ofPerson = await ApiAsync($"actor=hk.chief&personId={person.Id}&page=1");
        await page.GetByTestId("audit-action").FillAsync("");
        await page.GetByTestId("audit-person").FillAsync(person.Id.ToString());
        await page.GetByTestId("audit-from").FillAsync(Day(today));
        await page.GetByTestId("audit-to").FillAsync(Day(today));
        await page.GetByTestId("audit-show").ClickAsync();
        await ExpectEntriesAsync(page, ofPerson);
        await Assertions.Expect(page.Locator("[data-testid=audit-entry][data-action='person.read']").First).ToBeVisibleAsync();
        await page.GetByTestId("audit-from").FillAsync(Day(today.AddDays(1)));
        await page.GetByTestId("audit-to").FillAsync(Day(today.AddDays(1)));
        await page.GetByTestId("audit-show").ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-empty")).ToBeVisibleAsync();
        Assert.Equal(0, (await ApiAsync($"actor=hk.chief&from={Uri.EscapeDataString(Start(today.AddDays(1)))}")).Total);

        // The chain holds, as the API says.
        var verification = await Infrastructure.Expect.Json<AuditVerification>(await national.GetAsync("/api/v1/audit/verify"));
        Assert.True(verification.Valid);
        await page.GetByTestId("audit-verify").ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-chain")).ToHaveAttributeAsync("data-valid", "true");
        await Assertions.Expect(page.GetByTestId("audit-chain")).ToContainTextAsync("Chuỗi nguyên vẹn");
        await BrowserFixture.ScreenshotAsync(page, "console-audit");

        // The person's page links to their trail; who may not read the log has no such screen.
        await page.GotoAsync($"/#/people/{person.Id}");
        await page.GetByTestId("person-audit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-person")).ToHaveValueAsync(person.Id.ToString());
        await Assertions.Expect(page.Locator("[data-testid=audit-entry]").First).ToBeVisibleAsync();
        var commune = await ConsoleSteps.OfficerAsync(fixture, "hk.chief");
        await Assertions.Expect(commune.GetByTestId("nav-people")).ToBeVisibleAsync();
        await Assertions.Expect(commune.GetByTestId("nav-audit")).ToHaveCountAsync(0);
        await commune.GotoAsync($"/#/people/{person.Id}");
        await Assertions.Expect(commune.GetByTestId("person-name")).ToBeVisibleAsync();
        await Assertions.Expect(commune.GetByTestId("person-audit")).ToHaveCountAsync(0);
        ConsoleSteps.NoPageErrors(fixture);
    }

    [Fact]
    public async Task Units_AdministratorCreatesUnit_SeesFieldRefusal_ImportsCommunesWithRefusedRows()
    {
        var page = await ConsoleSteps.OfficerAsync(fixture, "admin");
        await page.GetByTestId("nav-units").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=unit-row][data-level=commune]").First).ToBeVisibleAsync();

        // A commune station with no commune chosen: refused under that field, as the API names it.
        await page.GetByTestId("unit-name").FillAsync("Công an phường Thử Nghiệm");
        await page.GetByTestId("unit-level").SelectOptionAsync("commune");
        await page.GetByTestId("create-unit").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for=communeCode]")).ToContainTextAsync("There is no commune");

        // Chosen: created and listed.
        await page.GetByTestId("unit-province").SelectOptionAsync("01");
        await page.GetByTestId("unit-commune").SelectOptionAsync("00004");
        await page.GetByTestId("create-unit").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-created")).ToContainTextAsync("Công an phường Thử Nghiệm");
        var row = page.Locator("[data-testid=unit-row][data-name='Công an phường Thử Nghiệm']");
        await Assertions.Expect(row).ToContainTextAsync("Phường Ba Đình");
        var units = await Infrastructure.Expect.Json<PageOf<UnitDto>>(await (await fixture.LogInAsync("admin")).GetAsync("/api/v1/units?pageSize=200"));
        Assert.Contains(units.Items, u => u.Name == "Công an phường Thử Nghiệm" && u.CommuneCode == "00004");

        // A CSV with one good row and two bad ones: the good one is taken, each bad one shown with its field and reason.
        var csv = "code,name,province\n99991,Xã Thử Nghiệm,01\n99992,Xã Sai Tỉnh,99\n99993,,01\n";
        await page.GetByTestId("commune-file").SetInputFilesAsync(new FilePayload { Name = "communes.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByTestId("commune-import").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("commune-import-counts")).ToContainTextAsync("Đã nhập 1, cập nhật 0, từ chối 2");
        await Assertions.Expect(page.GetByTestId("commune-rejection")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=commune-rejection][data-index='1'][data-field=province]")).ToContainTextAsync("Dòng dữ liệu thứ 2");
        await Assertions.Expect(page.Locator("[data-testid=commune-rejection][data-index='2'][data-field=name]")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "console-units");
        var communes = await Infrastructure.Expect.Json<PageOf<CommuneDto>>(await (await fixture.LogInAsync("admin")).GetAsync("/api/v1/provinces/01/communes?pageSize=200"));
        Assert.Contains(communes.Items, c => c.Code == "99991" && c.Name == "Xã Thử Nghiệm");
        Assert.DoesNotContain(communes.Items, c => c.Code is "99992" or "99993");

        // A provincial supervisor has neither screen.
        var supervisor = await ConsoleSteps.OfficerAsync(fixture, "hn.supervisor");
        await Assertions.Expect(supervisor.GetByTestId("nav-people")).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.GetByTestId("nav-units")).ToHaveCountAsync(0);
        await Assertions.Expect(supervisor.GetByTestId("nav-audit")).ToHaveCountAsync(0);
        ConsoleSteps.NoPageErrors(fixture);
    }

    [Fact]
    public async Task Notifications_EscalationRingsTheSupervisorsBellLive_MarkedReadItGoesOut()
    {
        var supervisorApi = await fixture.LogInAsync("hn.supervisor");
        async Task<int> UnreadAsync() => (await Infrastructure.Expect.Json<PageOf<NotificationDto>>(await supervisorApi.GetAsync("/api/v1/notifications?unread=true&pageSize=1"))).Total;
        var before = await UnreadAsync();

        var page = await ConsoleSteps.OfficerAsync(fixture, "hn.supervisor");
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveClassAsync(new Regex("\\bon\\b"));
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveAttributeAsync("data-count", Count(before));

        // The commune escalates an alert: the province's supervisors get a notice, and the bell counts it without a reload.
        var chief = await fixture.LogInAsync("hk.chief");
        var person = (await Infrastructure.Expect.Json<PageOf<PersonSummary>>(await chief.GetAsync("/api/v1/persons?pageSize=1"))).Items[0];
        var alert = await fixture.RaiseAsync(person.Id);
        await Infrastructure.Expect.Status(await chief.PostIfMatch($"/api/v1/alerts/{alert.Id}/escalate", alert.Version, new { note = "Cần tỉnh hỗ trợ" }), 200);
        Assert.Equal(before + 1, await UnreadAsync());
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveAttributeAsync("data-count", Count(before + 1));

        await page.GetByTestId("bell").ClickAsync();
        var notice = page.GetByTestId("notification").Filter(new() { HasText = alert.Id.ToString() });
        await Assertions.Expect(notice).ToContainTextAsync("Cảnh báo chuyển lên cấp tỉnh");
        await Assertions.Expect(notice).ToHaveAttributeAsync("data-read", "false");
        await BrowserFixture.ScreenshotAsync(page, "console-notifications");
        await notice.GetByTestId("mark-read").ClickAsync();
        await Assertions.Expect(notice).ToHaveAttributeAsync("data-read", "true");
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveAttributeAsync("data-count", Count(before));
        var inbox = await Infrastructure.Expect.Json<PageOf<NotificationDto>>(await supervisorApi.GetAsync("/api/v1/notifications?pageSize=200"));
        Assert.NotNull(Assert.Single(inbox.Items, n => n.BodyEn.Contains(alert.Id.ToString(), StringComparison.Ordinal)).ReadAt);

        // In English the notice reads in English.
        await page.GetByTestId("lang").ClickAsync();
        await page.GetByTestId("bell").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notification").Filter(new() { HasText = alert.Id.ToString() })).ToContainTextAsync("Alert escalated to the province");
        ConsoleSteps.NoPageErrors(fixture);
    }

    [Fact]
    public async Task DevicePage_ChiefSeesWearerAndHistory_LogisticsSeesHistoryWithoutPeopleAndRepairs_OtherCommuneNotFound()
    {
        var chiefApi = await fixture.LogInAsync("hk.chief");
        var devices = (await Infrastructure.Expect.Json<PageOf<DeviceDto>>(await chiefApi.GetAsync("/api/v1/devices?pageSize=200"))).Items;
        var worn = devices.First(d => d.AssignedPersonId is not null);
        var wearer = await Infrastructure.Expect.Json<PersonDto>(await chiefApi.GetAsync($"/api/v1/persons/{worn.AssignedPersonId}"));

        // The commune chief opens a worn device from the list: its facts, its wearer and the records of this device.
        var chief = await ConsoleSteps.OfficerAsync(fixture, "hk.chief");
        await chief.GotoAsync("/#/devices");
        await chief.Locator($"[data-testid=device-row][data-serial='{worn.Serial}']").GetByTestId("device-link").ClickAsync();
        await Assertions.Expect(chief.GetByTestId("device-title")).ToHaveTextAsync(worn.DeviceId);
        await Assertions.Expect(chief.GetByTestId("device-status-label")).ToHaveAttributeAsync("data-status", "assigned");
        await Assertions.Expect(chief.GetByTestId("device-facts")).ToContainTextAsync(worn.Imei);
        await Assertions.Expect(chief.GetByTestId("device-wearer").GetByTestId("person-link")).ToHaveTextAsync(wearer.FullName);
        var history = await Infrastructure.Expect.Json<List<DeviceHistoryItem>>(await chiefApi.GetAsync($"/api/v1/devices/{worn.Id}/history"));
        Assert.Contains(history, h => h.Kind == Vigil.Domain.Records.RecordKind.Attachment && h.PersonId == wearer.Id);
        await Assertions.Expect(chief.Locator("[data-testid=device-history] li")).ToHaveCountAsync(history.Count);
        var attached = chief.Locator("[data-testid=device-history] li[data-kind=attachment]").First;
        await Assertions.Expect(attached).ToContainTextAsync("Gắn thiết bị");
        await Assertions.Expect(attached.GetByTestId("person-link")).ToHaveTextAsync(wearer.FullName);
        await BrowserFixture.ScreenshotAsync(chief, "console-device");

        // Device logistics sees the same device without its wearer; it sends an in-stock device for repair from its page.
        var logistics = await ConsoleSteps.OfficerAsync(fixture, "hn.logistics");
        await logistics.GotoAsync($"/#/devices/{worn.Id}");
        await Assertions.Expect(logistics.GetByTestId("device-wearer")).ToContainTextAsync("chỉ cán bộ nghiệp vụ xem được người đeo");
        await Assertions.Expect(logistics.Locator("[data-testid=device-history] li[data-kind=attachment]").First).ToContainTextAsync("Gắn thiết bị");
        await Assertions.Expect(logistics.GetByTestId("person-link")).ToHaveCountAsync(0);
        var logisticsApi = await fixture.LogInAsync("hn.logistics");
        var blind = await Infrastructure.Expect.Json<List<DeviceHistoryItem>>(await logisticsApi.GetAsync($"/api/v1/devices/{worn.Id}/history"));
        Assert.Equal(history.Count, blind.Count);
        Assert.All(blind, h => Assert.Null(h.PersonId));
        var trail = await Infrastructure.Expect.Json<PageOf<AuditEntry>>(await (await fixture.LogInAsync("c04.supervisor"))
            .GetAsync($"/api/v1/audit?actor=hk.chief&action=device.history&personId={wearer.Id}"));
        Assert.NotEmpty(trail.Items); // the chief's reading of the wearer through the device is in the wearer's trail
        var stock = (await Infrastructure.Expect.Json<PageOf<DeviceDto>>(await logisticsApi.GetAsync("/api/v1/devices?status=inStock&pageSize=200"))).Items[0];
        await logistics.GotoAsync("/#/devices");
        await logistics.Locator($"[data-testid=device-row][data-serial='{stock.Serial}']").GetByTestId("device-link").ClickAsync();
        await Assertions.Expect(logistics.GetByTestId("device-title")).ToHaveTextAsync(stock.DeviceId);
        await Assertions.Expect(logistics.GetByTestId("device-wearer")).ToContainTextAsync("chưa được gắn");
        await logistics.GetByTestId("device-status").SelectOptionAsync("inRepair");
        await Assertions.Expect(logistics.GetByTestId("device-status-label")).ToHaveAttributeAsync("data-status", "inRepair");
        var repaired = await Infrastructure.Expect.Json<DeviceDto>(await logisticsApi.GetAsync($"/api/v1/devices/{stock.Id}"));
        Assert.Equal(Vigil.Domain.Devices.DeviceStatus.InRepair, repaired.Status);

        // Another commune's officer: not found.
        var other = await ConsoleSteps.OfficerAsync(fixture, "bd.officer1");
        await other.GotoAsync($"/#/devices/{worn.Id}");
        await Assertions.Expect(other.GetByTestId("device-error")).ToContainTextAsync("Không tìm thấy");
        ConsoleSteps.NoPageErrors(fixture);
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static int Pages(int total) => Math.Max(1, (total + 49) / 50);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Start(DateOnly day) => $"{Day(day)}T00:00:00+07:00";

    /// <summary>The table shows exactly the API's page, in its order.</summary>
    private static async Task ExpectEntriesAsync(IPage page, PageOf<AuditEntry> expected)
    {
        var rows = page.GetByTestId("audit-entry");
        await Assertions.Expect(rows).ToHaveCountAsync(expected.Items.Count);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-sequence", expected.Items[0].Sequence.ToString(CultureInfo.InvariantCulture));
        var drawn = await rows.EvaluateAllAsync<long[]>("rs => rs.map(r => Number(r.dataset.sequence))");
        Assert.Equal(expected.Items.Select(a => a.Sequence), drawn);
    }
}
