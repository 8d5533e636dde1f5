using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Vigil.Domain.Rules;
using Vigil.Server.Compliance;
using Vigil.Server.Tests.Alerts;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Intelligence;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// The console's intelligence screens in a real headless Chromium against the real server, each checked against the
/// API's own answer: who was with a person, a person's location history downloaded as CSV and GeoJSON, the suspicious
/// places of a province promoted to the hotspot registry, and the compliance list of a commune. Roles see exactly
/// what the server lets them use.
/// </summary>
public sealed class ConsoleIntelligenceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Reason = "Xác minh tin báo số 31/2026 về nhóm tụ tập";

    public Task InitializeAsync() => fixture.CloseContextsAsync();

    public Task DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task CoLocation_AnalystFromThePersonPage_FindsTheCompanionsAsTheApiDoes()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var api = await fixture.LogInAsync("hn.analyst");
        var search = new { personId = scene.HoanKiem0, from = scene.MetAt.AddMinutes(-15), to = scene.MetAt.AddMinutes(30), radiusMeters = 50 };
        var refusal = await Problem(await api.Post("/api/v1/investigations/co-location", new { search.personId, search.from, search.to, search.radiusMeters, reason = "vì sao" }));
        using var answer = await Json(await api.Post("/api/v1/investigations/co-location", new { search.personId, search.from, search.to, search.radiusMeters, reason = Reason }));
        var companions = answer.RootElement.GetProperty("companions").EnumerateArray().ToList();
        Assert.Equal(2, companions.Count); // Hoàn Kiếm's device 1 and Ba Đình's device 3, not the one 2 km away

        // From the person's page to the co-location tab, the person already chosen.
        var page = await ConsoleSteps.OfficerAsync(fixture, "hn.analyst");
        await page.GotoAsync($"/#/people/{scene.HoanKiem0}");
        await page.GetByTestId("colo-open").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tab-co-location")).ToHaveClassAsync("active");
        await Assertions.Expect(page.GetByTestId("colo-map")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(page.GetByTestId("field-personId")).ToHaveValueAsync(scene.HoanKiem0.ToString());
        var form = page.GetByTestId("colo-form");
        await form.GetByTestId("field-from").FillAsync(ConsoleSteps.LocalInput(search.from));
        await form.GetByTestId("field-to").FillAsync(ConsoleSteps.LocalInput(search.to));
        await form.GetByTestId("field-radiusMeters").FillAsync("50");

        // The API's refusal of a too-short reason is shown under the reason.
        await form.GetByTestId("field-reason").FillAsync("vì sao");
        await page.GetByTestId("colo-search").ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for=reason]")).ToHaveTextAsync(refusal.GetProperty("errors").GetProperty("reason")[0].GetString()!);

        await form.GetByTestId("field-reason").FillAsync(Reason);
        await page.GetByTestId("colo-search").ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for=reason]")).ToBeEmptyAsync();
        await Assertions.Expect(page.GetByTestId("colo-message")).ToContainTextAsync($"2 người đã ở cùng");
        var rows = page.GetByTestId("colo-companion");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        Assert.Equal(companions.Select(c => c.GetProperty("person").GetProperty("personId").GetString()),
            await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.person)"));
        foreach (var (companion, i) in companions.Select((c, i) => (c, i)))
        {
            var row = rows.Nth(i);
            await Assertions.Expect(row).ToContainTextAsync(companion.GetProperty("person").GetProperty("fullName").GetString()!);
            await Assertions.Expect(row).ToContainTextAsync(
                $"{ConsoleSteps.Shown(companion.GetProperty("firstAt").GetDateTimeOffset())} – {ConsoleSteps.Shown(companion.GetProperty("lastAt").GetDateTimeOffset())}");
            await Assertions.Expect(row).ToContainTextAsync($"{companion.GetProperty("minutesTogether").GetInt32()} phút, {companion.GetProperty("encounters").GetInt32()} lần gặp");
            await Assertions.Expect(row).ToContainTextAsync($"cách {Math.Round(companion.GetProperty("closestMeters").GetDouble())} m");
        }

        await Assertions.Expect(page.Locator("[data-testid=colo-map] path.leaflet-interactive")).Not.ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "console-co-location");

        // A companion opens their page.
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("person-name")).ToHaveTextAsync(companions[0].GetProperty("person").GetProperty("fullName").GetString()!);

        // In English too.
        await page.GetByTestId("lang").ClickAsync();
        await page.GotoAsync("/#/investigations/co-location");
        await Assertions.Expect(page.GetByTestId("tab-co-location")).ToHaveTextAsync("Who was with a person");
        ConsoleSteps.NoPageErrors(fixture);
    }

    [Fact]
    public async Task LocationExport_ManagingOfficerDownloadsCsvAndGeoJson_AsTheApiStreamsThem()
    {
        var scene = await InvestigationScene.OfAsync(fixture);
        var page = await ConsoleSteps.OfficerAsync(fixture, "hk.officer1");
        await page.GotoAsync($"/#/people/{scene.HoanKiem1}");
        var form = page.GetByTestId("export-form");
        await form.WaitForAsync();
        await Assertions.Expect(page.GetByTestId("colo-open")).ToHaveCountAsync(0); // a managing officer does not search whereabouts

        var api = await fixture.LogInAsync("hk.officer1");
        var url = $"/api/v1/persons/{scene.HoanKiem1}/location-history/export";
        var refusal = await Problem(await api.Post(url, new { reason = "ngắn", format = "csv" }));
        await form.GetByTestId("field-reason").FillAsync("ngắn");
        await page.GetByTestId("export-download").ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for=reason]")).ToHaveTextAsync(refusal.GetProperty("errors").GetProperty("reason")[0].GetString()!);

        await form.GetByTestId("field-reason").FillAsync("Chuyển hồ sơ sang Công an phường Ba Đình");
        var csv = "";
        foreach (var (format, extension) in new[] { ("csv", ".csv"), ("geojson", ".geojson") })
        {
            await form.GetByTestId("field-format").SelectOptionAsync(format);
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-download").ClickAsync());
            var saved = await File.ReadAllTextAsync((await download.PathAsync())!);
            var expected = await (await Expect.Status(await api.Post(url, new { reason = "Chuyển hồ sơ sang Công an phường Ba Đình", format }), 200))
                .Content.ReadAsStringAsync();
            Assert.EndsWith(extension, download.SuggestedFilename, StringComparison.Ordinal);
            Assert.Equal(expected, saved);
            await Assertions.Expect(page.GetByTestId("export-message")).ToContainTextAsync(download.SuggestedFilename);
            csv = format == "csv" ? saved : csv;
        }

        // What was downloaded is the scene's history: the meeting's fixes among it, in Vietnam time too.
        Assert.Contains(csv.Split('\n'), l => l.StartsWith("2026-11-23T03:05:00Z,2026-11-23T10:05:00+07:00,", StringComparison.Ordinal));
        ConsoleSteps.NoPageErrors(fixture);
    }

    [Fact]
    public async Task SuspiciousPlaces_AnalystRanksThemWithEvidence_PromotesOneToTheRegistry()
    {
        await SuspiciousPlaceScene.OfAsync(fixture);
        var (from, to) = (SuspiciousPlaceScene.Start.AddDays(-3), SuspiciousPlaceScene.Start);
        var api = await fixture.LogInAsync("hn.analyst");
        var refusal = await Problem(await api.Post("/api/v1/suspicious-places", new { reason = "ngắn", from, to }));
        using var answer = await Json(await api.Post("/api/v1/suspicious-places", new { reason = Reason, from, to }));
        var places = answer.RootElement.GetProperty("places").EnumerateArray().ToList();
        Assert.NotEmpty(places);

        var page = await ConsoleSteps.OfficerAsync(fixture, "hn.analyst");
        await page.GetByTestId("nav-investigations").ClickAsync();
        await page.GetByTestId("tab-suspicious-places").ClickAsync();
        await Assertions.Expect(page.GetByTestId("places-map")).ToHaveAttributeAsync("data-ready", "true");
        var form = page.GetByTestId("places-form");
        await form.GetByTestId("field-from").FillAsync(ConsoleSteps.LocalInput(from));
        await form.GetByTestId("field-to").FillAsync(ConsoleSteps.LocalInput(to));
        await form.GetByTestId("field-reason").FillAsync("ngắn");
        await page.GetByTestId("places-search").ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for=reason]")).ToHaveTextAsync(refusal.GetProperty("errors").GetProperty("reason")[0].GetString()!);

        await form.GetByTestId("field-reason").FillAsync(Reason);
        await page.GetByTestId("places-search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("places-message")).ToContainTextAsync($"{places.Count} địa điểm nghi vấn");
        var listed = page.GetByTestId("place");
        await Assertions.Expect(listed).ToHaveCountAsync(places.Count);
        foreach (var (place, i) in places.Select((p, i) => (p, i)))
        {
            var item = listed.Nth(i);
            await Assertions.Expect(item).ToContainTextAsync($"Hạng {place.GetProperty("rank").GetInt32()} — điểm {place.GetProperty("score").GetInt32()}");
            await Assertions.Expect(item.GetByTestId("place-figures")).ToContainTextAsync(
                $"{place.GetProperty("people").GetInt32()} người · {place.GetProperty("nights").GetInt32()} đêm · {place.GetProperty("gatherings").GetInt32()} lần tụ tập");
            var dwells = place.GetProperty("dwells").EnumerateArray().ToList();
            await Assertions.Expect(item.GetByTestId("dwell")).ToHaveCountAsync(dwells.Count);
            foreach (var dwell in dwells)
            {
                await Assertions.Expect(item.GetByTestId("dwell").Filter(new() { HasText = dwell.GetProperty("person").GetProperty("fullName").GetString()! })
                    .Filter(new() { HasText = $"{ConsoleSteps.Shown(dwell.GetProperty("from").GetDateTimeOffset())} – {ConsoleSteps.Shown(dwell.GetProperty("to").GetDateTimeOffset())}" }))
                    .ToHaveCountAsync(1);
            }

            await Assertions.Expect(item.GetByTestId("place-gathering")).ToHaveCountAsync(place.GetProperty("gatheringsHere").GetArrayLength());
        }

        var circles = page.Locator("[data-testid=places-map] path.leaflet-interactive");
        await Assertions.Expect(circles).ToHaveCountAsync(places.Count);
        for (var i = 0; i < places.Count; i++)
        {
            await Assertions.Expect(circles.Nth(i)).Not.ToHaveAttributeAsync("d", "M0 0"); // drawn in view, not left outside it
        }
        await BrowserFixture.ScreenshotAsync(page, "console-suspicious-places");

        // The first place goes to the hotspot registry in one action, and is listed there as the API holds it.
        var first = listed.First;
        await first.GetByTestId("field-name").FillAsync("Quán cà phê phố cổ (phát hiện)");
        await first.GetByTestId("field-category").SelectOptionAsync("karaoke");
        await first.GetByTestId("promote").ClickAsync();
        await Assertions.Expect(first.GetByTestId("promote-message")).ToContainTextAsync("Đã đưa “Quán cà phê phố cổ (phát hiện)” vào danh mục điểm nóng.");
        using var hotspots = await Json(await api.GetAsync("/api/v1/hotspots?pageSize=200"));
        var promoted = hotspots.RootElement.GetProperty("items").EnumerateArray().Single(h => h.GetProperty("name").GetString() == "Quán cà phê phố cổ (phát hiện)");
        Assert.Equal(("discovered", "karaoke"), (promoted.GetProperty("source").GetString(), promoted.GetProperty("category").GetString()));
        Assert.Equal(places[0].GetProperty("lat").GetDouble(), promoted.GetProperty("circle").GetProperty("lat").GetDouble());
        await first.GetByTestId("open-hotspots").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=hotspot-row][data-hotspot='{promoted.GetProperty("id").GetString()}']"))
            .ToContainTextAsync("Quán cà phê phố cổ (phát hiện)");

        // A commune chief investigates but is no registry editor: no suspicious-places tab, and its address shows the place search.
        var chief = await ConsoleSteps.OfficerAsync(fixture, "hk.chief");
        await chief.GotoAsync("/#/investigations/suspicious-places");
        await Assertions.Expect(chief.GetByTestId("tab-body-near-place")).ToBeVisibleAsync();
        await Assertions.Expect(chief.GetByTestId("tab-co-location")).ToBeVisibleAsync();
        await Assertions.Expect(chief.GetByTestId("tab-suspicious-places")).ToHaveCountAsync(0);
        ConsoleSteps.NoPageErrors(fixture);
    }

    [Fact]
    public async Task ComplianceList_LowestFirstWithTierCounts_OpensThePersonsCard()
    {
        // One wearer of the commune, monitored since three days ago (the suspicious-place scene), left the band off for six hours.
        await SuspiciousPlaceScene.OfAsync(fixture);
        var person = fixture.Credentials.Devices[1].PersonId!.Value;
        var day = SuspiciousPlaceScene.Start.AddDays(-1);
        var notWorn = $"notworn:{Guid.NewGuid():N}";
        await fixture.ApplyAsync(person, AlertSteps.Result(AlertSteps.Raised(RuleKind.NotWorn, notWorn, day.AddHours(-2), day.AddHours(-1.8))));
        await fixture.ApplyAsync(person, AlertSteps.Result(AlertSteps.Ended(RuleKind.NotWorn, notWorn, day.AddHours(-2), day.AddHours(4))));
        await fixture.Factory.Services.GetRequiredService<ComplianceJob>().RunAsync(fixture.Clock.GetUtcNow());
        var api = await fixture.LogInAsync("hk.chief");
        using var summary = await Json(await api.GetAsync("/api/v1/compliance?pageSize=100"));
        var root = summary.RootElement;
        var people = root.GetProperty("people").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(person.ToString(), people[0].GetProperty("personId").GetString()); // the lowest score first
        Assert.True(people.Select(p => p.GetProperty("score").GetInt32()).Distinct().Count() > 1, "the commune's scores differ");

        var page = await ConsoleSteps.OfficerAsync(fixture, "hk.chief");
        await page.GetByTestId("nav-compliance").ClickAsync();
        foreach (var tier in new[] { "good", "watch", "attention" })
        {
            await Assertions.Expect(page.GetByTestId($"tier-{tier}")).ToContainTextAsync(root.GetProperty("tiers").GetProperty(tier).GetInt32().ToString());
        }

        await Assertions.Expect(page.GetByTestId("tier-unscored")).ToContainTextAsync(root.GetProperty("unscored").GetInt32().ToString());
        var rows = page.GetByTestId("compliance-row");
        await Assertions.Expect(rows).ToHaveCountAsync(people.Count);
        Assert.Equal(people.Select(p => p.GetProperty("personId").GetString()), await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.person)"));
        Assert.Equal(people.Select(p => p.GetProperty("score").GetRawText()), await page.GetByTestId("compliance-row-score").AllTextContentsAsync());
        await BrowserFixture.ScreenshotAsync(page, "console-compliance");

        // One tier only.
        var tierOfFirst = people[0].GetProperty("tier").GetString()!;
        await page.GetByTestId("compliance-tier-filter").SelectOptionAsync(tierOfFirst);
        await Assertions.Expect(rows).ToHaveCountAsync(root.GetProperty("tiers").GetProperty(tierOfFirst).GetInt32());

        // The lowest score opens the person's page, whose card shows the same score.
        await rows.First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("person-name")).ToHaveTextAsync(people[0].GetProperty("fullName").GetString()!);
        await Assertions.Expect(page.GetByTestId("compliance-score")).ToContainTextAsync($"{people[0].GetProperty("score").GetInt32()}/100");

        // A managing officer reads cases, so sees the list too; device logistics does not.
        var officer = await ConsoleSteps.OfficerAsync(fixture, "hk.officer1");
        await Assertions.Expect(officer.GetByTestId("nav-compliance")).ToBeVisibleAsync();
        var logistics = await ConsoleSteps.OfficerAsync(fixture, "hn.logistics");
        await Assertions.Expect(logistics.GetByTestId("nav-devices")).ToBeVisibleAsync();
        await Assertions.Expect(logistics.GetByTestId("nav-compliance")).ToHaveCountAsync(0);
        ConsoleSteps.NoPageErrors(fixture);
    }

    private static async Task<JsonDocument> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await (await Expect.Status(response, 200)).Content.ReadAsStringAsync());

    /// <summary>The 400 problem the API answers, with its field errors.</summary>
    private static async Task<JsonElement> Problem(HttpResponseMessage response) =>
        JsonDocument.Parse(await (await Expect.Status(response, 400)).Content.ReadAsStringAsync()).RootElement;
}
