using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Data;
using Vigil.Server.Live;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Live;

/// <summary>
/// The live feed through the real hub: each officer is pushed the positions and alerts of their jurisdiction
/// only. That a push did not arrive is shown by publishing another one afterwards and seeing that one arrive first.
/// </summary>
public abstract class LiveFeedTests(VigilFixture fixture)
{
    private const string HoanKiem = "00070";
    private const string BaDinh = "00004";

    [Fact]
    public async Task Publish_CommuneA_ReachesAOfficerProvinceAndNationNotB()
    {
        var (hk, bd) = (await PersonAsync("hk.wearer1", HoanKiem), await PersonAsync("bd.wearer1", BaDinh));
        await using var hkOfficer = await ConnectAsync("hk.officer1");
        await using var bdOfficer = await ConnectAsync("bd.officer1");
        await using var province = await ConnectAsync("hn.supervisor");
        await using var nation = await ConnectAsync("c04.supervisor");
        Assert.Equal(
            [LiveGroups.Unit(hk.UnitId), LiveGroups.Unit(bd.UnitId), LiveGroups.Province("01"), LiveGroups.Nation],
            [hkOfficer.Group, bdOfficer.Group, province.Group, nation.Group]);

        var hkPosition = Position(hk);
        var hkAlert = Alert(hk);
        await Feed.PublishPositionAsync(hkPosition);
        await Feed.PublishAlertAsync(hkAlert);
        var bdPosition = Position(bd);
        var bdAlert = Alert(bd);
        await Feed.PublishPositionAsync(bdPosition);
        await Feed.PublishAlertAsync(bdAlert);

        Assert.Equal(hkPosition, await hkOfficer.NextPositionAsync());
        Assert.Equal(hkAlert, await hkOfficer.NextAlertAsync());
        Assert.Equal(bdPosition, await bdOfficer.NextPositionAsync());
        Assert.Equal(bdAlert, await bdOfficer.NextAlertAsync());
        foreach (var watcher in new[] { province, nation })
        {
            Assert.Equal([hkPosition, bdPosition], [await watcher.NextPositionAsync(), await watcher.NextPositionAsync()]);
            Assert.Equal([hkAlert, bdAlert], [await watcher.NextAlertAsync(), await watcher.NextAlertAsync()]);
        }

        // And Hoàn Kiếm's officer was not sent Ba Đình's: the next push there is Hoàn Kiếm's own.
        var next = Alert(hk);
        await Feed.PublishAlertAsync(next);
        Assert.Equal(next, await hkOfficer.NextAlertAsync());
    }

    [Fact]
    public async Task PublishPosition_WithinWindow_NewestHeldAndPushedWhenWindowEnds()
    {
        var hk = await PersonAsync("hk.wearer2", HoanKiem);
        await using var officer = await ConnectAsync("hk.chief");

        var first = Position(hk);
        await Feed.PublishPositionAsync(first);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await Feed.PublishPositionAsync(Position(hk, lat: 21.030));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var newest = Position(hk, lat: 21.031);
        await Feed.PublishPositionAsync(newest);
        Assert.Equal(first, await officer.NextPositionAsync());

        // The window (5 s) ends: the newest held position goes out, the one it replaced never does.
        fixture.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(newest, await officer.NextPositionAsync());

        // Late data measured before what was pushed is not pushed within the window; the next window's position is.
        await Feed.PublishPositionAsync(first with { Lat = 21.000 });
        var later = Position(hk, lat: 21.032);
        await Feed.PublishPositionAsync(later);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(later, await officer.NextPositionAsync());

        // A window that ends with nothing held releases the person's throttle (only people heard from in the last
        // seconds hold one); the next position goes out at once.
        Assert.True(Feed.Throttles(hk.PersonId));
        fixture.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.False(Feed.Throttles(hk.PersonId));
        var next = Position(hk, lat: 21.033);
        await Feed.PublishPositionAsync(next);
        Assert.Equal(next, await officer.NextPositionAsync());
    }

    [Theory]
    [InlineData("hk.wearer1")]
    [InlineData("hk.guardian")]
    public async Task Connect_WearerOrGuardian_Forbidden(string username)
    {
        var account = fixture.Credentials.Wearers.Concat(fixture.Credentials.Guardians).Single(a => a.Username == username);
        var token = Token(await fixture.LogInAsync(username, account.Password, null));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(fixture.Factory, token, username));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [InlineData("hn.logistics")]
    [InlineData("admin")]
    public async Task Connect_OfficerWhoMayNotReadCases_Forbidden(string username)
    {
        var token = Token(await fixture.LogInAsync(username));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(fixture.Factory, token, username));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Connect_WithoutToken_Unauthorized()
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(fixture.Factory, null, "anonymous"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task AccessTokenQuery_OpensTheHubOnly()
    {
        var token = Token(await fixture.LogInAsync("hk.officer1"));
        var anonymous = fixture.Anonymous();

        await Expect.Status(await anonymous.PostAsync($"{LiveHub.Path}/negotiate?negotiateVersion=1&access_token={token}", null), 200);
        await Expect.Status(await anonymous.PostAsync($"{LiveHub.Path}/negotiate?negotiateVersion=1", null), 401);
        await Expect.Status(await anonymous.GetAsync($"/api/v1/auth/me?access_token={token}"), 401);
    }

    private LiveFeed Feed => fixture.Factory.Services.GetRequiredService<LiveFeed>();

    private static string Token(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter!;

    private async Task<LiveClient> ConnectAsync(string username) =>
        await LiveClient.ConnectAsync(fixture.Factory, Token(await fixture.LogInAsync(username)), username);

    /// <summary>A demo wearer's person and the unit of the commune that manages them.</summary>
    private async Task<(Guid PersonId, Guid UnitId)> PersonAsync(string wearer, string communeCode)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var unit = await db.Units.SingleAsync(u => u.CommuneCode == communeCode);
        return (fixture.Credentials.Wearers.Single(w => w.Username == wearer).PersonId, unit.Id);
    }

    private LivePosition Position((Guid PersonId, Guid UnitId) person, double lat = 21.0288) =>
        new(person.PersonId, "VG-000001", person.UnitId, "01", lat, 105.8525, 9, fixture.Clock.GetUtcNow());

    private LiveAlert Alert((Guid PersonId, Guid UnitId) person) =>
        new(Guid.CreateVersion7(), person.PersonId, person.UnitId, "01", "outsideZone", "high", "open", fixture.Clock.GetUtcNow());
}

public sealed class SqliteLiveFeedTests(SqliteFixture fixture) : LiveFeedTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresLiveFeedTests(PostgresFixture fixture) : LiveFeedTests(fixture), IClassFixture<PostgresFixture>;
