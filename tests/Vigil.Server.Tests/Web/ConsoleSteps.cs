using System.Globalization;
using Microsoft.Playwright;

namespace Vigil.Server.Tests.Web;

/// <summary>What a person does in the browser apps, step by step.</summary>
public static class ConsoleSteps
{
    /// <summary>An officer logs in to the console with password and the TOTP code of the server's (fake) clock.</summary>
    public static async Task<IPage> OfficerAsync(BrowserFixture fixture, string username)
    {
        var page = await fixture.NewPageAsync();
        var officer = fixture.Officer(username);
        await page.GotoAsync("/");
        await page.Locator("input[name=username]").FillAsync(username);
        await page.Locator("input[name=password]").FillAsync(officer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByTestId("second-factor-form").WaitForAsync();
        // A code is accepted once: the next 30-second step, as a person reading a fresh code would.
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.Locator("input[name=code]").FillAsync(Domain.Identity.Totp.Code(officer.TotpSecret, fixture.Clock.GetUtcNow()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await page.GetByTestId("who").WaitForAsync();
        return page;
    }

    /// <summary>A wearer logs in to the wearer app on a phone-sized screen.</summary>
    public static async Task<IPage> WearerAsync(BrowserFixture fixture, string username, string password)
    {
        var page = await fixture.NewPageAsync(phone: true);
        await page.GotoAsync("/wearer/");
        await page.Locator("input[name=username]").FillAsync(username);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByTestId("health").WaitForAsync();
        return page;
    }

    /// <summary>Calls the API from the page with the signed-in user's token; the HTTP status.</summary>
    public static Task<int> FetchStatusAsync(IPage page, string url) => page.EvaluateAsync<int>(
        "url => fetch(url, { headers: { authorization: 'Bearer ' + sessionStorage.getItem('vigil.token') } }).then(r => r.status)", url);

    /// <summary>The pages met no script error (a failed API call the page expected, like a 404, is not one).</summary>
    public static void NoPageErrors(BrowserFixture fixture) =>
        Assert.True(fixture.PageErrors.IsEmpty, $"Page errors: {string.Join(" | ", fixture.PageErrors)}");

    /// <summary>An instant as a datetime-local input's value in Vietnam time.</summary>
    public static string LocalInput(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant as the console shows it: Vietnam time, "23/11/2026 10:05".</summary>
    public static string Shown(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
