using System.Net.Http.Json;
using Microsoft.Playwright;
using Vigil.Domain.People;
using Vigil.Server.Api;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// Registering a person and editing their profile in a real headless Chromium against the real server: the API's
/// field errors appear next to the field, the new person's page opens, and the edit is what the API then answers.
/// </summary>
public sealed class ConsolePeopleTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fixture.CloseContextsAsync();

    public Task DisposeAsync() => fixture.CloseContextsAsync();

    [Fact]
    public async Task Register_ShowsFieldErrors_OpensThePerson_EditsProfile_CreatesAppAccount()
    {
        var page = await ConsoleSteps.OfficerAsync(fixture, "hk.chief");
        await page.GetByTestId("nav-people").ClickAsync();
        await page.GetByTestId("register-person-open").ClickAsync();
        var form = page.GetByTestId("register-person");
        await form.GetByTestId("field-fullName").FillAsync("Lê Thị Hạnh");
        await form.GetByTestId("field-nationalId").FillAsync("123");
        await form.GetByTestId("field-dateOfBirth").FillAsync("1991-04-30");
        await form.GetByTestId("field-sex").SelectOptionAsync("female");
        await form.GetByTestId("field-phone").FillAsync("0912345678");
        await form.GetByTestId("field-residenceAddress").FillAsync("Số 5 ngõ 12 Hàng Bạc");
        await form.GetByTestId("field-guardians[0].fullName").FillAsync("Lê Văn Bình");
        await form.GetByTestId("field-guardians[0].relationship").FillAsync("Bố");
        await form.GetByTestId("field-guardians[0].phone").FillAsync("0987654321");
        await Assertions.Expect(form.GetByText("Giới tính")).ToBeVisibleAsync();

        // The API refuses the identity number: its reason shows under that field, and the form stays.
        await page.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for=nationalId]")).ToContainTextAsync("12 digits");
        await Assertions.Expect(form.Locator("[data-error-for=fullName]")).ToBeEmptyAsync();

        var nationalId = $"0010{Random.Shared.NextInt64(10_000_000, 99_999_999)}";
        await form.GetByTestId("field-nationalId").FillAsync(nationalId);
        await page.GetByTestId("register-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("person-name")).ToHaveTextAsync("Lê Thị Hạnh");
        var id = page.Url.Split('/')[^1];
        await Assertions.Expect(page.Locator(".card").First).ToContainTextAsync("Lê Văn Bình (Bố, 0987654321)");

        // Another officer pins the residence and names the managing officer; the page read again keeps both through the edit.
        var api = await fixture.LogInAsync("hk.chief");
        var me = await Infrastructure.Expect.Json<MeDto>(await api.GetAsync("/api/v1/auth/me"));
        var read = await api.GetAsync($"/api/v1/persons/{id}");
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/persons/{id}"))
        {
            put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
            put.Content = JsonContent.Create(new
            {
                fullName = "Lê Thị Hạnh", nationalId, dateOfBirth = "1991-04-30", sex = "female", group = "communityRehabilitation",
                phone = "0912345678", residenceAddress = "Số 5 ngõ 12 Hàng Bạc", residenceLat = 21.0341, residenceLon = 105.8516, managingOfficerId = me.Id,
            });
            await Infrastructure.Expect.Status(await api.SendAsync(put), 200);
        }

        await page.ReloadAsync();

        // Edit the profile (sent with the version read): the page and the API show the new address and group.
        await page.GetByTestId("edit-profile-open").ClickAsync();
        var edit = page.GetByTestId("edit-profile");
        await Assertions.Expect(edit.GetByTestId("field-nationalId")).ToHaveValueAsync(nationalId);
        await edit.GetByTestId("field-residenceAddress").FillAsync("Số 9 phố Hàng Bè");
        await edit.GetByTestId("field-group").SelectOptionAsync("substitutionTreatment");
        await page.GetByTestId("profile-save").ClickAsync();
        await Assertions.Expect(page.Locator(".card").First).ToContainTextAsync("Số 9 phố Hàng Bè");
        await Assertions.Expect(page.Locator("main .muted").First).ToContainTextAsync("Điều trị thay thế");
        var stored = await Infrastructure.Expect.Json<PersonDto>(await api.GetAsync($"/api/v1/persons/{id}"));
        Assert.Equal("Số 9 phố Hàng Bè", stored.ResidenceAddress);
        Assert.Equal(nationalId, stored.NationalId);
        Assert.Equal(MonitoringGroup.SubstitutionTreatment, stored.Group);
        Assert.Equal((21.0341, 105.8516), (stored.ResidenceLat, stored.ResidenceLon));
        Assert.Equal(me.Id, stored.ManagingOfficerId);

        // The wearer's app account: a bad username is refused with the reason; then the one-time password is shown
        // once and logs in.
        await page.GetByTestId("account-username").FillAsync("lê hạnh");
        await page.GetByTestId("wearer-account").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-secret")).ToContainTextAsync("username: A username uses only");
        await page.GetByTestId("account-username").FillAsync("le.hanh");
        await page.GetByTestId("wearer-account").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-secret")).ToContainTextAsync("Mật khẩu ban đầu");
        var shown = await page.GetByTestId("account-secret").TextContentAsync();
        var parts = System.Text.RegularExpressions.Regex.Match(shown!, @"Tài khoản (\S+) .*: (\S+)$");
        Assert.True(parts.Success, shown);
        Assert.Equal("le.hanh", parts.Groups[1].Value);
        await fixture.LogInAsync(parts.Groups[1].Value, parts.Groups[2].Value, null);
        await BrowserFixture.ScreenshotAsync(page, "console-person-registered");
        ConsoleSteps.NoPageErrors(fixture);
    }

    private sealed record MeDto(Guid Id);
}
