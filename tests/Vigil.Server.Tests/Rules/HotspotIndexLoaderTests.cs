using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Api;
using Vigil.Server.Rules;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Rules;

public abstract class HotspotIndexLoaderTests(VigilFixture fixture)
{
    [Fact]
    public async Task LoadAsync_ActiveAndInactiveHotspots_IndexFindsOnlyTheActive()
    {
        var analyst = await fixture.LogInAsync("hn.supervisor");
        var karaoke = await CreateAsync(analyst, new { name = "Karaoke Ánh Sao", category = "karaoke", circle = new { lat = 21.0300, lon = 105.8400, radiusMeters = 60 } });
        var apartment = await CreateAsync(analyst, new
        {
            name = "Căn hộ phố Huế",
            category = "apartment",
            geometry = JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[105.8500,21.0150],[105.8510,21.0150],[105.8510,21.0160],[105.8500,21.0160],[105.8500,21.0150]]]}""").RootElement,
        });
        await CreateAsync(analyst, new { name = "Quán bar đã đóng cửa", category = "bar", status = "retired", circle = new { lat = 21.0400, lon = 105.8450, radiusMeters = 60 } });
        await CreateAsync(analyst, new { name = "Nhà nghỉ đang xác minh", category = "guesthouse", status = "underReview", circle = new { lat = 21.0450, lon = 105.8300, radiusMeters = 60 } });

        using var scope = fixture.Factory.Services.CreateScope();
        var index = await scope.ServiceProvider.GetRequiredService<HotspotIndexLoader>().LoadAsync(CancellationToken.None);

        Assert.Equal((karaoke.Id, karaoke.Name), index.Find(21.0301, 105.8401));
        Assert.Equal((apartment.Id, apartment.Name), index.Find(21.0155, 105.8505));
        Assert.Null(index.Find(21.0400, 105.8450));
        Assert.Null(index.Find(21.0450, 105.8300));
        Assert.Null(index.Find(21.0200, 105.8600));
    }

    private static async Task<HotspotDto> CreateAsync(HttpClient analyst, object body) =>
        await Expect.Json<HotspotDto>(await analyst.Post("/api/v1/hotspots", body), 201);
}

public sealed class SqliteHotspotIndexLoaderTests(SqliteFixture fixture) : HotspotIndexLoaderTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresHotspotIndexLoaderTests(PostgresFixture fixture) : HotspotIndexLoaderTests(fixture), IClassFixture<PostgresFixture>;
