using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Vigil.Server.Tests.Intelligence;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// The console's "who was near this place" screen in a real headless Chromium against the real server: wristbands report
/// from a meeting point, the analyst states a reason, finds the people there and opens one's compliance; a managing
/// officer has no such screen.
/// </summary>
public sealed class ConsoleInvestigationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.CloseContextsAsync();

    public Task DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task NearPlace_AnalystStatesAReason_FindsThePeopleThere()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var page = await ConsoleSteps.OfficerAsync(fixture, "hn.analyst");
        await page.GetByTestId("nav-investigations").ClickAsync();
        await Assertions.Expect(page.GetByTestId("near-map")).ToHaveAttributeAsync("data-ready", "true");

        // The default period is last night in Vietnam time: 22:00 on 22/11 to 05:00 on 23/11.
        await Assertions.Expect(page.GetByTestId("near-from")).ToHaveValueAsync("2026-11-22T22:00");
        await Assertions.Expect(page.GetByTestId("near-to")).ToHaveValueAsync("2026-11-23T05:00");

        // A click on the map picks the place; the officer then types its exact coordinates and the meeting's period.
        var box = (await page.GetByTestId("near-map").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Assertions.Expect(page.GetByTestId("near-lat")).Not.ToHaveValueAsync("");
        await page.GetByTestId("near-lat").FillAsync(InvestigationScene.Lat.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("near-lon").FillAsync(InvestigationScene.Lon.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("near-radius").FillAsync("200");
        await page.GetByTestId("near-from").FillAsync(ConsoleSteps.LocalInput(scene.MetAt.AddMinutes(-15)));
        await page.GetByTestId("near-to").FillAsync(ConsoleSteps.LocalInput(scene.MetAt.AddMinutes(30)));

        // A reason too short for the server is refused by field.
        await page.GetByTestId("near-reason").EvaluateAsync("r => { r.removeAttribute('minlength'); r.value = 'vì sao'; }");
        await page.GetByTestId("near-search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("near-message")).ToContainTextAsync("reason");

        await page.GetByTestId("near-reason").FillAsync("Điều tra tụ tập tại Hồ Gươm, tin báo số 12/2026");
        await page.GetByTestId("near-search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("near-message")).ToContainTextAsync("Tìm thấy 3 người");
        var rows = page.GetByTestId("near-person");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        var found = await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.person)");
        Assert.Equal(new[] { scene.HoanKiem0, scene.HoanKiem1, scene.BaDinh }.Select(id => id.ToString()).Order(), found.Order());
        var first = rows.Filter(new() { Has = page.Locator($"[href='#/people/{scene.HoanKiem0}']") });
        await Assertions.Expect(first).ToContainTextAsync("23/11/2026 10:05 – 23/11/2026 10:14");
        await Assertions.Expect(first).ToContainTextAsync("0 m");
        await Assertions.Expect(rows.Filter(new() { Has = page.Locator($"[href='#/people/{scene.BaDinh}']") })).ToContainTextAsync("21 m");
        await Assertions.Expect(page.Locator("[data-testid=near-map] path.leaflet-interactive")).Not.ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "console-investigation");

        // The person's page shows their compliance as the API answers it: score and tier, each part, the daily trend.
        var api = await fixture.LogInAsync("hn.analyst");
        using var compliance = JsonDocument.Parse(await (await api.GetAsync($"/api/v1/persons/{scene.HoanKiem0}/compliance")).Content.ReadAsStringAsync());
        var root = compliance.RootElement;
        await first.GetByRole(AriaRole.Link).ClickAsync();
        var panel = page.GetByTestId("compliance");
        await Assertions.Expect(page.GetByTestId("compliance-score")).ToContainTextAsync(
            root.GetProperty("score").ValueKind == JsonValueKind.Null ? "Chưa có điểm" : $"{root.GetProperty("score").GetRawText()}/100");
        await Assertions.Expect(panel.GetByTestId("compliance-part")).ToHaveCountAsync(root.GetProperty("parts").GetArrayLength());
        foreach (var part in root.GetProperty("parts").EnumerateArray())
        {
            await Assertions.Expect(panel.Locator($"[data-part={part.GetProperty("name").GetString()}]")).ToContainTextAsync(part.GetProperty("whyVi").GetString()!);
        }

        await Assertions.Expect(panel.Locator("[data-testid=compliance-trend] text").First).ToHaveTextAsync("100");

        // A managing officer may not search everyone's whereabouts: no such screen.
        var officer = await ConsoleSteps.OfficerAsync(fixture, "hk.officer1");
        await Assertions.Expect(officer.GetByTestId("nav-people")).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByTestId("nav-investigations")).ToHaveCountAsync(0);
        ConsoleSteps.NoPageErrors(fixture);
    }
}
