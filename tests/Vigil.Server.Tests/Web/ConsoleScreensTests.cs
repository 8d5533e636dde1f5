using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Domain.Hotspots;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Intelligence;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// The console's statistics and registry screens in a real headless Chromium against the real server: what the
/// screens draw is what the API answers for the officer's jurisdiction.
/// </summary>
public sealed class ConsoleScreensTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.CloseContextsAsync();

    public Task DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task Statistics_CommuneChiefSeesTheirCommune_SupervisorNarrowsToIt()
    {
        var api = await fixture.LogInAsync("hk.chief");
        var overview = await Infrastructure.Expect.Json<StatisticsOverview>(await api.GetAsync("/api/v1/statistics/overview"));
        var trends = await Infrastructure.Expect.Json<StatisticsTrends>(await api.GetAsync("/api/v1/statistics/trends"));
        Assert.True(overview.People.Total > 0, "the demo commune has people");

        var page = await ConsoleSteps.OfficerAsync(fixture, "hk.chief");
        await page.GetByTestId("nav-statistics").ClickAsync();
        await Assertions.Expect(page.GetByTestId("stat-area")).ToContainTextAsync("Xã, phường");
        await Assertions.Expect(page.GetByTestId("stat-people")).ToContainTextAsync(Count(overview.People.Total));
        await ExpectBarsAsync(page, "chart-group", overview.People.ByGroup);
        await ExpectBarsAsync(page, "chart-status", overview.People.ByStatus);
        await ExpectBarsAsync(page, "chart-devices", overview.Devices.ByStatus);
        await Assertions.Expect(page.GetByTestId("chart-group")).ToContainTextAsync("Cai nghiện tại cộng đồng");
        await Assertions.Expect(page.GetByTestId("chart-devices")).ToContainTextAsync("Đang sử dụng");
        await Assertions.Expect(page.Locator("[data-testid=chart-alerts] g[data-date]")).ToHaveCountAsync(trends.Days.Count);
        await Assertions.Expect(page.GetByTestId("stat-totals")).ToContainTextAsync($"{trends.AlertsRaised} cảnh báo, {trends.ViolationsConfirmed} vi phạm");
        var drawn = await page.Locator("[data-testid=chart-alerts] g[data-date]").EvaluateAllAsync<int[]>("gs => gs.map(g => Number(g.dataset.total))");
        Assert.Equal(trends.Days.Select(d => d.Critical + d.High + d.Medium), drawn);
        await Assertions.Expect(page.GetByTestId("stat-commune")).ToHaveCountAsync(0); // a commune sees only itself
        await BrowserFixture.ScreenshotAsync(page, "console-statistics");

        // A shorter period, then English.
        await page.GetByTestId("stat-from").FillAsync(trends.To.AddDays(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId("stat-show").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-alerts] g[data-date]")).ToHaveCountAsync(7);
        await page.GetByTestId("lang").ClickAsync();
        await Assertions.Expect(page.GetByTestId("chart-group")).ToContainTextAsync("Community rehabilitation");

        // The provincial supervisor sees the province, and narrows to the commune: the same figures as its chief.
        var supervisor = await ConsoleSteps.OfficerAsync(fixture, "hn.supervisor");
        await supervisor.GotoAsync("/#/statistics");
        await Assertions.Expect(supervisor.GetByTestId("stat-area")).ToContainTextAsync("Tỉnh, thành phố");
        await supervisor.GetByTestId("stat-commune").SelectOptionAsync("00070");
        await Assertions.Expect(supervisor.GetByTestId("stat-area")).ToContainTextAsync("Xã, phường");
        await Assertions.Expect(supervisor.GetByTestId("stat-people")).ToContainTextAsync(Count(overview.People.Total));
        await ExpectBarsAsync(supervisor, "chart-status", overview.People.ByStatus);
        ConsoleSteps.NoPageErrors(fixture);
    }

    [Fact]
    public async Task Hotspots_AnalystDrawsCircleAndPolygon_EditsRetiresAndImports()
    {
        var page = await ConsoleSteps.OfficerAsync(fixture, "hn.analyst");
        await page.GetByTestId("nav-hotspots").ClickAsync();
        await Assertions.Expect(page.GetByTestId("hotspot-map")).ToHaveAttributeAsync("data-ready", "true");
        var box = (await page.GetByTestId("hotspot-map").BoundingBoxAsync())!;
        var (x, y) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        var form = page.GetByTestId("hotspot-form");

        // A circle: its centre clicked on the map, its radius typed.
        await page.GetByTestId("hotspot-draw-circle").ClickAsync();
        await page.Mouse.ClickAsync((float)x, (float)y);
        await page.GetByTestId("hotspot-radius").FillAsync("120");
        await form.Locator("input[name=name]").FillAsync("Karaoke Ánh Dương");
        await form.Locator("select[name=category]").SelectOptionAsync("karaoke");
        await page.GetByTestId("hotspot-save").ClickAsync();
        var circleRow = page.GetByTestId("hotspot-row").Filter(new() { HasText = "Karaoke Ánh Dương" });
        await Assertions.Expect(circleRow).ToContainTextAsync("Đang theo dõi");

        // A polygon: four corners.
        await page.GetByTestId("hotspot-draw-polygon").ClickAsync();
        foreach (var (dx, dy) in new[] { (-80, -60), (80, -60), (70, 60), (-70, 60) })
        {
            await page.Mouse.ClickAsync((float)(x + dx), (float)(y + dy));
        }

        await form.Locator("input[name=name]").FillAsync("Nhà nghỉ Hồng Hà");
        await form.Locator("select[name=category]").SelectOptionAsync("guesthouse");
        await page.GetByTestId("hotspot-save").ClickAsync();
        var polygonRow = page.GetByTestId("hotspot-row").Filter(new() { HasText = "Nhà nghỉ Hồng Hà" });
        await Assertions.Expect(polygonRow).ToContainTextAsync("Nhà nghỉ");

        // Edit the circle's name and status; retire the polygon.
        await circleRow.GetByTestId("hotspot-edit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("hotspot-form-title")).ToContainTextAsync("Karaoke Ánh Dương");
        await form.Locator("input[name=name]").FillAsync("Karaoke Ánh Dương 2");
        await form.Locator("select[name=status]").SelectOptionAsync("underReview");
        await page.GetByTestId("hotspot-save").ClickAsync();
        var edited = page.GetByTestId("hotspot-row").Filter(new() { HasText = "Karaoke Ánh Dương 2" });
        await Assertions.Expect(edited).ToHaveAttributeAsync("data-status", "underReview");
        await polygonRow.GetByTestId("hotspot-retire").ClickAsync();
        await Assertions.Expect(polygonRow).ToHaveAttributeAsync("data-status", "retired");

        // Import: one good feature and one whose category is unknown, reported by field and reason.
        const string geoJson = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"name":"Quán bar Tràng Tiền","category":"bar","radiusMeters":60},"geometry":{"type":"Point","coordinates":[105.8560,21.0250]}},
              {"type":"Feature","properties":{"name":"Không rõ","category":"casino"},"geometry":{"type":"Point","coordinates":[105.8570,21.0260]}}]}
            """;
        await page.GetByTestId("geojson-file").SetInputFilesAsync(new FilePayload { Name = "diem-nong.geojson", MimeType = "application/geo+json", Buffer = System.Text.Encoding.UTF8.GetBytes(geoJson) });
        await Assertions.Expect(page.GetByTestId("hotspot-message")).ToContainTextAsync("Đã nhập 1, cập nhật 0, từ chối 1");
        await Assertions.Expect(page.GetByTestId("import-rejections")).ToContainTextAsync("Đối tượng thứ 2 bị từ chối — properties.category");
        await Assertions.Expect(page.GetByTestId("hotspot-row").Filter(new() { HasText = "Quán bar Tràng Tiền" })).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "console-hotspots");
        ConsoleSteps.NoPageErrors(fixture);

        var api = await fixture.LogInAsync("hn.analyst");
        var hotspots = (await Infrastructure.Expect.Json<PageOf<HotspotDto>>(await api.GetAsync("/api/v1/hotspots?pageSize=200"))).Items;
        var circle = Assert.Single(hotspots, h => h.Name == "Karaoke Ánh Dương 2");
        Assert.Equal((HotspotCategory.Karaoke, HotspotStatus.UnderReview, 120.0), (circle.Category, circle.Status, circle.Circle!.RadiusMeters));
        var polygon = Assert.Single(hotspots, h => h.Name == "Nhà nghỉ Hồng Hà");
        Assert.Equal((HotspotStatus.Retired, "Polygon"), (polygon.Status, polygon.Geometry!.Value.GetProperty("type").GetString()));
        Assert.NotNull(hotspots.Single(h => h.Name == "Quán bar Tràng Tiền").ProvinceCode); // an analyst's entries are the province's

        // A commune officer sees the registry but may not change it.
        var officer = await ConsoleSteps.OfficerAsync(fixture, "hk.officer1");
        await officer.GotoAsync("/#/hotspots");
        await Assertions.Expect(officer.GetByTestId("hotspot-row").Filter(new() { HasText = "Quán bar Tràng Tiền" })).ToHaveCountAsync(1);
        await Assertions.Expect(officer.GetByTestId("hotspot-form")).ToHaveCountAsync(0);
        await Assertions.Expect(officer.GetByTestId("hotspot-edit")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Devices_LogisticsRegistersAndRepairs_CommuneProposes_ProvinceAllocatesAndRefuses()
    {
        // Device logistics of the province registers a wristband, provisions it and sends it for repair.
        var logistics = await ConsoleSteps.OfficerAsync(fixture, "hn.logistics");
        await logistics.GotoAsync("/#/devices");
        var register = logistics.GetByTestId("register-device");
        await register.Locator("input[name=serial]").FillAsync("SN-CONSOLE-1");
        await register.Locator("input[name=imei]").FillAsync("356938035643809");
        await register.Locator("input[name=model]").FillAsync("VG-2");
        await register.Locator("input[name=firmware]").FillAsync("2.4.1");
        await register.GetByRole(AriaRole.Button).ClickAsync();
        var row = logistics.Locator("[data-testid=device-row][data-serial='SN-CONSOLE-1']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "inStock");
        await row.GetByTestId("provision").ClickAsync();
        await Assertions.Expect(logistics.GetByTestId("devices-message")).ToContainTextAsync("chỉ hiển thị một lần");
        await row.GetByTestId("device-status").SelectOptionAsync("inRepair");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "inRepair");

        // The commune chief proposes twice; the province allocates fewer than asked to one and refuses the other.
        var chief = await ConsoleSteps.OfficerAsync(fixture, "hk.chief");
        await chief.GotoAsync("/#/devices");
        foreach (var (count, why) in new[] { ("4", "Thêm 4 người theo quyết định mới"), ("9", "Dự phòng") })
        {
            var propose = chief.GetByTestId("propose-form");
            await propose.Locator("input[name=requested]").FillAsync(count);
            await propose.Locator("input[name=justification]").FillAsync(why);
            var sent = await chief.RunAndWaitForResponseAsync(() => propose.GetByRole(AriaRole.Button).ClickAsync(),
                r => r.Url.EndsWith("/api/v1/device-proposals", StringComparison.Ordinal) && r.Request.Method == "POST");
            Assert.Equal((201, ""), (sent.Status, sent.Status == 201 ? "" : await sent.TextAsync()));
            await Assertions.Expect(chief.GetByTestId("proposal").Filter(new() { HasText = why })).ToHaveAttributeAsync("data-status", "submitted");
            await Assertions.Expect(chief.GetByTestId("proposal").Filter(new() { HasText = why })).ToContainTextAsync("Phường Hoàn Kiếm: "); // the name, not the code
        }

        await logistics.ReloadAsync();
        var first = logistics.GetByTestId("proposal").Filter(new() { HasText = "Thêm 4 người" });
        await first.GetByTestId("allocate-count").FillAsync("3");
        await first.GetByTestId("allocate").ClickAsync();
        await Assertions.Expect(first).ToHaveAttributeAsync("data-status", "allocated");
        await Assertions.Expect(first).ToContainTextAsync("Đã cấp 3");
        var second = logistics.GetByTestId("proposal").Filter(new() { HasText = "Dự phòng" });
        await second.Locator("input[name=note]").FillAsync("Kho tỉnh không đủ thiết bị");
        await second.GetByTestId("refuse-proposal").ClickAsync();
        await Assertions.Expect(second).ToHaveAttributeAsync("data-status", "refused");
        await BrowserFixture.ScreenshotAsync(logistics, "console-devices");
        ConsoleSteps.NoPageErrors(fixture);

        var api = await fixture.LogInAsync("hn.logistics");
        var devices = (await Infrastructure.Expect.Json<PageOf<DeviceDto>>(await api.GetAsync("/api/v1/devices?pageSize=200"))).Items;
        Assert.Equal((Vigil.Domain.Devices.DeviceStatus.InRepair, true), devices.Where(d => d.Serial == "SN-CONSOLE-1").Select(d => (d.Status, d.Provisioned)).Single());
    }

    [Fact]
    public async Task Users_AdministratorCreatesCommuneOfficer_WhoLogsInWithTheShownSecrets()
    {
        Guid hoanKiem;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            hoanKiem = await scope.ServiceProvider.GetRequiredService<VigilDbContext>().Units.Where(u => u.CommuneCode == "00070").Select(u => u.Id).SingleAsync();
        }

        var page = await ConsoleSteps.OfficerAsync(fixture, "admin");
        await page.GetByTestId("nav-users").ClickAsync();
        var create = page.GetByTestId("create-user");
        await create.Locator("input[name=username]").FillAsync("hk.officer9");
        await create.Locator("input[name=displayName]").FillAsync("Cán bộ quản lý 9 – Hoàn Kiếm");
        await create.Locator("select[name=role]").SelectOptionAsync("managingOfficer");
        await create.Locator("select[name=unitId]").SelectOptionAsync(hoanKiem.ToString());
        await create.GetByRole(AriaRole.Button).ClickAsync();
        var shown = page.GetByTestId("account-secret");
        await Assertions.Expect(shown).ToContainTextAsync("Mật khẩu ban đầu");
        var secrets = Regex.Match((await shown.TextContentAsync())!, "Mật khẩu ban đầu: (\\S+) — Khóa TOTP: (\\S+)");
        var row = page.Locator("[data-testid=user-row][data-username='hk.officer9']");
        await Assertions.Expect(row).ToContainTextAsync("Cán bộ quản lý");
        await BrowserFixture.ScreenshotAsync(page, "console-users");

        // The new officer logs in with what the screen showed, and is a managing officer of the commune.
        var officer = await fixture.LogInAsync("hk.officer9", secrets.Groups[1].Value, secrets.Groups[2].Value);
        var me = await Infrastructure.Expect.Json<System.Text.Json.JsonElement>(await officer.GetAsync("/api/v1/auth/me"));
        Assert.Equal(("managingOfficer", hoanKiem.ToString()), (me.GetProperty("role").GetString(), me.GetProperty("unit").GetProperty("id").GetString()));

        // A role that does not fit the unit's level is refused with the field named; disabling shows at once.
        await create.Locator("input[name=username]").FillAsync("hk.supervisor9");
        await create.Locator("input[name=displayName]").FillAsync("Sai cấp");
        await create.Locator("select[name=role]").SelectOptionAsync("provincialSupervisor");
        await create.Locator("select[name=unitId]").SelectOptionAsync(hoanKiem.ToString());
        await create.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("users-error")).ToContainTextAsync("role");
        await row.GetByTestId("disable-user").ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-disabled", "true");
        await row.GetByTestId("reset-second-factor").ClickAsync();
        await Assertions.Expect(shown).ToContainTextAsync("Khóa TOTP mới của hk.officer9");
        ConsoleSteps.NoPageErrors(fixture);
    }

    [Fact]
    public async Task ResidenceChange_OldCommuneApprovesAndRecordsDeparture_NewCommuneRecordsArrival()
    {
        var officerApi = await fixture.LogInAsync("hk.officer1");
        var person = await officerApi.ActiveCaseAsync(await fixture.LogInAsync("hk.chief"), "00070", Vigil.Domain.Time.VietnamTime.LocalDate(fixture.Clock.GetUtcNow()));
        await Infrastructure.Expect.Status(await officerApi.Post($"/api/v1/persons/{person.Id}/requests/residence-change",
            new { reason = "Chuyển về ở với bố mẹ", toCommuneCode = "00004", newAddress = "Số 12 Liễu Giai, Ba Đình" }), 201);

        // The old commune approves on its requests screen, then records the departure on the person's page.
        var old = await ConsoleSteps.OfficerAsync(fixture, "hk.officer1");
        await old.GotoAsync("/#/requests");
        var pending = old.GetByTestId("request").Filter(new() { HasText = "Chuyển về ở với bố mẹ" });
        await pending.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(pending).ToHaveCountAsync(0);
        await old.GotoAsync($"/#/people/{person.Id}");
        var approved = old.GetByTestId("request").Filter(new() { HasText = "Chuyển về ở với bố mẹ" });
        await Assertions.Expect(approved).ToHaveAttributeAsync("data-status", "approved");
        await Assertions.Expect(approved).ToContainTextAsync("→ Phường Ba Đình"); // the commune's name, not its code
        await approved.GetByTestId("record-departure").ClickAsync();
        await Assertions.Expect(old.GetByTestId("timeline")).ToContainTextAsync("Rời nơi cư trú");
        await Assertions.Expect(approved.GetByTestId("departure-recorded")).ToBeVisibleAsync(); // recorded once: no second button
        await Assertions.Expect(approved.GetByTestId("record-departure")).ToHaveCountAsync(0);

        // The new commune finds the person moving in, and records the arrival: the case is now theirs.
        var receiving = await ConsoleSteps.OfficerAsync(fixture, "bd.officer1");
        await receiving.GotoAsync("/#/requests");
        var move = receiving.Locator($"[data-testid=incoming-move][data-person='{person.Id}']");
        await Assertions.Expect(move).ToContainTextAsync(person.FullName);
        await Assertions.Expect(move).ToContainTextAsync("Số 12 Liễu Giai");
        await Assertions.Expect(move.GetByTestId("moving-from")).ToContainTextAsync("từ Phường Hoàn Kiếm");
        await BrowserFixture.ScreenshotAsync(receiving, "console-incoming");
        await move.GetByTestId("record-arrival").ClickAsync();
        await Assertions.Expect(move).ToHaveCountAsync(0);
        ConsoleSteps.NoPageErrors(fixture);

        var moved = await Infrastructure.Expect.Json<PersonDto>(await (await fixture.LogInAsync("bd.officer1")).GetAsync($"/api/v1/persons/{person.Id}"));
        Assert.Equal("00004", moved.CommuneCode);
        await Infrastructure.Expect.Problem(await officerApi.GetAsync($"/api/v1/persons/{person.Id}"), 404);
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every value the API names is drawn as a bar carrying its count.</summary>
    private static async Task ExpectBarsAsync(IPage page, string chart, IReadOnlyDictionary<string, int> counts)
    {
        foreach (var (key, count) in counts)
        {
            await Assertions.Expect(page.Locator($"[data-testid={chart}] g[data-key={key}]")).ToHaveAttributeAsync("data-value", Count(count));
        }
    }
}
