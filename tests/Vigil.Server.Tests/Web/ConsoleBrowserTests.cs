using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Domain.Alerts;
using Vigil.Server.Alerts;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Tests.Alerts;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// The officer console and the wearer app in a real headless Chromium against the real server: log-in with the second
/// factor, an MQTT alert on the live map and in the queue, resolving it, track playback and drawing a zone, a wearer's
/// request approved by the officer, and another commune's officer kept out by every URL.
/// </summary>
public sealed class ConsoleBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.CloseContextsAsync();

    public Task DisposeAsync() => fixture.CloseContextsAsync();

    /// <summary>The nth demo device worn by someone of Hoàn Kiếm, with its wearer's residence.</summary>
    private async Task<(int Index, string DeviceId, string Secret, Guid PersonId, double Lat, double Lon)> WornAsync(int nth)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var hoanKiem = await db.People.Where(p => p.CommuneCode == "00070").Select(p => p.Id).ToListAsync();
        var (device, index) = fixture.Credentials.Devices.Select((d, i) => (d, i)).Where(x => x.d.PersonId is { } id && hoanKiem.Contains(id)).ElementAt(nth);
        var person = await db.People.SingleAsync(p => p.Id == device.PersonId);
        return (index, device.DeviceId, device.Secret, person.Id, person.ResidenceLat!.Value, person.ResidenceLon!.Value);
    }

    private string Wear(long seq, double lat, double lon, string strap) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"seq":{{seq}},"t":"{{fixture.Clock.GetUtcNow():O}}","fix":{"lat":{{lat}},"lon":{{lon}},"acc":8},"bat":{"pct":70},"wear":{"strap":"{{strap}}","skin":true,"case":"closed"}""") + "}";

    [Fact]
    public async Task Officer_SecondFactor_MqttAlertOnMapAndInQueue_Resolved()
    {
        var worn = await WornAsync(0);
        var page = await ConsoleSteps.OfficerAsync(fixture, "hk.officer1");
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveClassAsync(new Regex("\\bon\\b"));
        await Assertions.Expect(page.GetByTestId("live-map")).ToHaveAttributeAsync("data-ready", "true");

        using var device = await DeviceClient.ConnectAsync(fixture, worn.Index);
        await DeviceClient.PublishAsync(device, worn.DeviceId, Wear(1, worn.Lat, worn.Lon, "closed"));
        await DeviceClient.PublishAsync(device, worn.DeviceId, Wear(2, worn.Lat + 0.0004, worn.Lon + 0.0003, "cut"));

        // On the map: the person's marker turns critical, the alert is listed, and the critical cue shows.
        await Assertions.Expect(page.GetByTestId("map-alerts")).ToContainTextAsync("Can thiệp thiết bị");
        await Assertions.Expect(page.Locator($".person-marker.alert.critical [data-person='{worn.PersonId}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("critical-banner")).ToContainTextAsync("CẢNH BÁO KHẨN");
        await BrowserFixture.ScreenshotAsync(page, "console-map");

        // In the queue: acknowledge, then resolve with an outcome and a note.
        await page.GetByTestId("nav-alerts").ClickAsync();
        var row = page.GetByTestId("alert-row").Filter(new() { HasText = "Can thiệp thiết bị" });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "open");
        var alertId = Guid.Parse((await row.GetAttributeAsync("data-alert"))!);
        await row.Locator("td").First.ClickAsync(); // not the person's name: that link opens the person
        await Assertions.Expect(page.GetByTestId("alert-detail")).ToContainTextAsync("Bằng chứng");
        await page.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "acknowledged");
        await BrowserFixture.ScreenshotAsync(page, "console-alerts");
        var resolve = page.GetByTestId("resolve-form");
        await resolve.Locator("select[name=outcome]").SelectOptionAsync("falseAlarm");
        await resolve.Locator("textarea[name=note]").FillAsync("Đã kiểm tra tại nhà: dây đeo còn nguyên, lỗi cảm biến.");

        // Regression: a live update of the alert being resolved drew its form again and the outcome went back to the
        // first choice ("confirmed violation"). Another session escalates it meanwhile; the choice and note must stay.
        var elsewhere = await fixture.LogInAsync("hk.officer1");
        var current = await Infrastructure.Expect.Json<AlertDto>(await elsewhere.GetAsync($"/api/v1/alerts/{alertId}"));
        await Infrastructure.Expect.Json<AlertDto>(await elsewhere.PostIfMatch($"/api/v1/alerts/{alertId}/escalate", current.Version));
        await Assertions.Expect(page.GetByTestId("escalate")).ToHaveCountAsync(0);
        await Assertions.Expect(resolve.Locator("select[name=outcome]")).ToHaveValueAsync("falseAlarm");
        await Assertions.Expect(resolve.Locator("textarea[name=note]")).ToHaveValueAsync("Đã kiểm tra tại nhà: dây đeo còn nguyên, lỗi cảm biến.");
        await resolve.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("alert-detail")).ToContainTextAsync("Đã xử lý");
        await Assertions.Expect(page.Locator($"[data-alert='{alertId}']")).ToHaveCountAsync(0);

        ConsoleSteps.NoPageErrors(fixture);
        var alert = await Infrastructure.Expect.Json<AlertDto>(await elsewhere.GetAsync($"/api/v1/alerts/{alertId}"));
        Assert.Equal((AlertState.Resolved, AlertOutcome.FalseAlarm, worn.PersonId), (alert.State, alert.Outcome, alert.PersonId));
    }

    [Fact]
    public async Task Officer_PlaysBackTrack_DrawsZone()
    {
        var worn = await WornAsync(1);
        await UploadTrackAsync(worn.DeviceId, worn.Secret, worn.Lat, worn.Lon);
        var page = await ConsoleSteps.OfficerAsync(fixture, "hk.officer1");
        await page.GotoAsync($"/#/people/{worn.PersonId}");
        await page.GetByTestId("person-name").WaitForAsync();

        await page.GetByTestId("show-track").ClickAsync();
        await Assertions.Expect(page.GetByTestId("track-out")).ToContainTextAsync("12 điểm");
        var first = await page.GetByTestId("track-time").TextContentAsync();
        await page.GetByTestId("track-slider").FillAsync("11");
        await Assertions.Expect(page.GetByTestId("track-time")).Not.ToHaveTextAsync(first!);
        await Assertions.Expect(page.GetByTestId("vitals")).ToContainTextAsync("Nhịp tim");
        await BrowserFixture.ScreenshotAsync(page, "console-person");

        await page.GetByTestId("edit-zones").ClickAsync();
        await page.GetByTestId("draw-polygon").ClickAsync();
        var box = (await page.GetByTestId("person-map").BoundingBoxAsync())!;
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        foreach (var (dx, dy) in new[] { (-90, -70), (90, -70), (60, 80), (-60, 80) })
        {
            await page.Mouse.ClickAsync((float)(x + dx), (float)(y + dy));
        }

        await page.GetByTestId("finish-drawing").ClickAsync();
        await page.GetByTestId("zone-name").Last.FillAsync("Chợ Đồng Xuân");
        await BrowserFixture.ScreenshotAsync(page, "console-zone-editor");
        await page.GetByTestId("save-scope").ClickAsync();
        await Assertions.Expect(page.GetByText("Phiên bản 2")).ToBeVisibleAsync();

        ConsoleSteps.NoPageErrors(fixture);
        var officer = await fixture.LogInAsync("hk.officer1");
        var scope = await Infrastructure.Expect.Json<ScopeDto>(await officer.GetAsync($"/api/v1/persons/{worn.PersonId}/scope"));
        var drawn = Assert.Single(scope.Zones, z => z.Name == "Chợ Đồng Xuân");
        Assert.NotNull(drawn.Geometry);
        Assert.Equal(2, scope.Number);
    }

    [Fact]
    public async Task Wearer_RequestsTemporaryRemoval_OfficerApproves()
    {
        var account = fixture.Credentials.Wearers.First(w => w.Username == "hk.wearer1");
        var phone = await ConsoleSteps.WearerAsync(fixture, account.Username, account.Password);
        var form = phone.GetByTestId("request-temporary-removal");
        await phone.Locator("details[data-kind=temporary-removal] summary").ClickAsync();
        await form.GetByTestId("request-reason").FillAsync("Chụp cộng hưởng từ tại Bệnh viện Bạch Mai.");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        var mine = phone.Locator("[data-testid=my-requests] li[data-kind=temporaryRemoval]");
        await Assertions.Expect(mine).ToHaveAttributeAsync("data-status", "pending");
        await BrowserFixture.ScreenshotAsync(phone, "wearer-home");

        var officer = await ConsoleSteps.OfficerAsync(fixture, "hk.officer1");
        await officer.GotoAsync("/#/requests");
        var pending = officer.GetByTestId("request").Filter(new() { HasText = "Chụp cộng hưởng từ" });
        await Assertions.Expect(pending).ToHaveAttributeAsync("data-status", "pending");
        await BrowserFixture.ScreenshotAsync(officer, "console-requests");
        await pending.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(pending).ToHaveCountAsync(0);

        await phone.ReloadAsync();
        await Assertions.Expect(mine).ToHaveAttributeAsync("data-status", "approved");
        await Assertions.Expect(phone.GetByTestId("deadlines")).ToContainTextAsync("Gắn lại thiết bị: còn");
        ConsoleSteps.NoPageErrors(fixture);
    }

    [Fact]
    public async Task OfficerOfAnotherCommune_CannotReachThePersonByAnyUrl()
    {
        var worn = await WornAsync(2);
        var page = await ConsoleSteps.OfficerAsync(fixture, "bd.officer1");
        await page.GotoAsync($"/#/people/{worn.PersonId}");
        await Assertions.Expect(page.GetByTestId("person-error")).ToContainTextAsync("Không tìm thấy");

        var now = Uri.EscapeDataString(fixture.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        var period = $"from={Uri.EscapeDataString(fixture.Clock.GetUtcNow().AddDays(-1).ToString("O", CultureInfo.InvariantCulture))}&to={now}";
        foreach (var path in new[] { "", "/decisions", "/scope", "/scope/versions", "/records", "/requests", $"/track?{period}", $"/vitals?{period}" })
        {
            Assert.Equal((path, 404), (path, await ConsoleSteps.FetchStatusAsync(page, $"/api/v1/persons/{worn.PersonId}{path}")));
        }

        // The commune's own officer reaches the same person by the same URL.
        var own = await ConsoleSteps.OfficerAsync(fixture, "hk.chief");
        await own.GotoAsync($"/#/people/{worn.PersonId}");
        await Assertions.Expect(own.GetByTestId("person-name")).ToBeVisibleAsync();
    }

    /// <summary>A walk of twelve fixes with vitals, one a minute, uploaded over HTTPS as the wristband would.</summary>
    private async Task UploadTrackAsync(string deviceId, string secret, double lat, double lon)
    {
        // The device was attached when the demo was seeded: walk after that, letting the clock run in small steps.
        for (var i = 0; i < 52; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(15));
        }

        var now = fixture.Clock.GetUtcNow();
        var messages = Enumerable.Range(0, 12).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"seq":{{100 + i}},"t":"{{now.AddMinutes(i - 12):O}}","fix":{"lat":{{lat + (i * 0.0003)}},"lon":{{lon + (Math.Sin(i / 2.0) * 0.0006)}},"acc":6},"vitals":{"hr":{{68 + (i % 5 * 3)}},"spo2":{{96 + (i % 3)}},"temp":{{33.2 + (i % 4 * 0.2)}}},"motion":{"steps":{{i * 420}},"act":0.4""") + "}}");
        var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var result = await Infrastructure.Expect.Json<Vigil.Server.Ingestion.UploadResult>(await client.PostAsync($"/api/v1/devices/{deviceId}/telemetry",
            new StringContent($"[{string.Join(',', messages)}]", Encoding.UTF8, "application/json")));
        Assert.Equal(12, result.Accepted);
    }
}
