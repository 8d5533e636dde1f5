using System.Net.Http.Headers;
using System.Net.Http.Json;
using Vigil.Domain.Identity;
using Vigil.Server.Api;
using Vigil.Server.Security;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>Log-in: Argon2id passwords, lockout, the TOTP second factor for officers, and bearer tokens.</summary>
public abstract class SecurityTests(VigilFixture fixture)
{
    [Fact]
    public async Task Officer_PasswordOnly_GetsNoAccessTokenUntilSecondFactor()
    {
        var officer = fixture.Officer("hk.chief");
        var client = fixture.Anonymous();
        var step1 = await Expect.Json<LogInResponse>(await client.Post("/api/v1/auth/login", new { username = officer.Username, password = officer.Password }));
        Assert.True(step1.SecondFactorRequired);
        Assert.Null(step1.AccessToken);

        // The second-step token proves only the password: it does not open the API.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", step1.SecondFactorToken);
        await Expect.Status(await client.GetAsync("/api/v1/auth/me"), 401);
        await Expect.Status(await client.GetAsync("/api/v1/persons"), 401);

        var wrong = await fixture.Anonymous().Post("/api/v1/auth/second-factor", new { step1.SecondFactorToken, code = "000000" });
        var problem = await Expect.Problem(wrong, 401);
        Assert.Equal("invalid-code", problem.GetProperty("code").GetString());

        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(officer.TotpSecret, fixture.Clock.GetUtcNow());
        var step2 = await Expect.Json<LogInResponse>(await fixture.Anonymous().Post("/api/v1/auth/second-factor", new { step1.SecondFactorToken, code }));
        Assert.NotNull(step2.AccessToken);

        // The same code cannot be used twice.
        var again = await Expect.Json<LogInResponse>(await fixture.Anonymous().Post("/api/v1/auth/login", new { username = officer.Username, password = officer.Password }));
        var replay = await Expect.Problem(await fixture.Anonymous().Post("/api/v1/auth/second-factor", new { again.SecondFactorToken, code }), 401);
        Assert.Equal("invalid-code", replay.GetProperty("code").GetString());
    }

    [Fact]
    public async Task SecondFactorToken_AfterItsWindow_Refused()
    {
        var officer = fixture.Officer("bd.officer2");
        var step1 = await Expect.Json<LogInResponse>(await fixture.Anonymous().Post("/api/v1/auth/login", new { username = officer.Username, password = officer.Password }));
        var late = step1.SecondFactorExpiresAt!.Value.AddSeconds(1);
        var code = Totp.Code(officer.TotpSecret, late);
        fixture.Clock.AdjustTime(late);
        var problem = await Expect.Problem(await fixture.Anonymous().Post("/api/v1/auth/second-factor", new { step1.SecondFactorToken, code }), 401);
        Assert.Equal("second-factor-expired", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        var admin = await fixture.LogInAsync("admin");
        var me = await admin.MeAsync();
        var created = await Expect.Json<CreatedAccount>(await admin.Post("/api/v1/users",
            new { username = $"lock.{Guid.NewGuid():N}"[..20], displayName = "Cán bộ thử khóa", role = "managingOfficer", unitId = await CommuneUnitAsync(admin) }), 201);
        Assert.NotNull(me);
        var username = created.User.Username;
        for (var i = 0; i < 5; i++)
        {
            await Expect.Problem(await fixture.Anonymous().Post("/api/v1/auth/login", new { username, password = "wrong-password" }), 401);
        }

        var locked = await Expect.Problem(await fixture.Anonymous().Post("/api/v1/auth/login", new { username, password = created.InitialPassword }), 401);
        Assert.Equal("account-locked", locked.GetProperty("code").GetString());

        await Expect.Json<UserDto>(await admin.PostAsync($"/api/v1/users/{created.User.Id}/unlock", null));
        var client = await fixture.LogInAsync(username, created.InitialPassword!, created.TotpSecret);
        Assert.Equal(username, (await client.MeAsync()).Username);

        var trail = await Expect.Json<PageOf<Vigil.Domain.Audit.AuditEntry>>(await (await fixture.LogInAsync("c04.supervisor")).GetAsync("/api/v1/audit?action=user.login-failed&pageSize=200"));
        Assert.True(trail.Items.Count(a => a.ActorName == username) >= 5);
    }

    [Fact]
    public async Task UnknownUser_AndWrongPassword_SameAnswer()
    {
        var unknown = await Expect.Problem(await fixture.Anonymous().Post("/api/v1/auth/login", new { username = "nobody.here", password = "whatever-123" }), 401);
        var wrong = await Expect.Problem(await fixture.Anonymous().Post("/api/v1/auth/login", new { username = "hk.officer2", password = "whatever-123" }), 401);
        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Wearer_LogsInWithPasswordOnly_AndChangesPassword()
    {
        var credentials = fixture.Credentials.Wearers.Last();
        var wearer = await fixture.LogInAsync(credentials.Username, credentials.Password, null);
        await Expect.Problem(await wearer.Post("/api/v1/auth/password", new { currentPassword = credentials.Password, newPassword = "short" }), 400, "newPassword");
        await Expect.Problem(await wearer.Post("/api/v1/auth/password", new { currentPassword = "not-it-at-all", newPassword = "a-long-new-password" }), 400, "currentPassword");
        await Expect.Status(await wearer.Post("/api/v1/auth/password", new { currentPassword = credentials.Password, newPassword = "a-long-new-password" }), 204);
        await Expect.Problem(await fixture.Anonymous().Post("/api/v1/auth/login", new { username = credentials.Username, password = credentials.Password }), 401);
        await fixture.LogInAsync(credentials.Username, "a-long-new-password", null);
    }

    [Fact]
    public async Task AccessToken_Expired_Refused()
    {
        var client = await fixture.LogInAsync("hn.analyst");
        await Expect.Status(await client.GetAsync("/api/v1/auth/me"), 200);
        fixture.Clock.Advance(TimeSpan.FromHours(8).Add(TimeSpan.FromSeconds(1)));
        await Expect.Status(await client.GetAsync("/api/v1/auth/me"), 401);
    }

    [Fact]
    public void PasswordHasher_StoresArgon2idWithSalt_AndVerifies()
    {
        var a = PasswordHasher.Hash("correct horse battery");
        var b = PasswordHasher.Hash("correct horse battery");
        Assert.StartsWith("argon2id$m=19456,t=2,p=1$", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
        Assert.True(PasswordHasher.Verify("correct horse battery", a));
        Assert.False(PasswordHasher.Verify("correct horse batterY", a));
    }

    [Fact]
    public void Totp_Rfc6238Vector_Matches()
    {
        // RFC 6238 appendix B, SHA-1, secret "12345678901234567890" (base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), T = 59 s → 94287082 (last 6: 287082).
        Assert.Equal("287082", Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("005924", Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(1234567890)));
        Assert.True(Totp.Verify("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "287082", DateTimeOffset.FromUnixTimeSeconds(59 + 30)));
        Assert.False(Totp.Verify("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "287082", DateTimeOffset.FromUnixTimeSeconds(59 + 90)));
    }

    private static async Task<Guid> CommuneUnitAsync(HttpClient admin)
    {
        var units = await admin.GetFromJsonAsync<PageOf<UnitDto>>("/api/v1/units", VigilFixture.Json);
        return units!.Items.First(u => u.CommuneCode == "00070").Id;
    }
}

public sealed class SqliteSecurityTests(SqliteFixture fixture) : SecurityTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresSecurityTests(PostgresFixture fixture) : SecurityTests(fixture), IClassFixture<PostgresFixture>;
