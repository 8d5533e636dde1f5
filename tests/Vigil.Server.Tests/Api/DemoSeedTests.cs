using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Identity;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Seed;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Api;

/// <summary>The demo seed: every role, working credentials, provisioned devices — and it never overwrites a real database.</summary>
public abstract class DemoSeedTests(VigilFixture fixture)
{
    [Fact]
    public void Credentials_CoverEveryOfficerRole_AndAreMarkedDemoOnly()
    {
        var roles = fixture.Credentials.Officers.Select(o => Enum.Parse<Role>(o.Role)).ToHashSet();
        Assert.All(Enum.GetValues<Role>().Where(r => r.IsOfficer()), r => Assert.Contains(r, roles));
        Assert.Contains("DEMO ONLY", fixture.Credentials.Warning, StringComparison.Ordinal);
        Assert.NotEmpty(fixture.Credentials.Wearers);
        Assert.NotEmpty(fixture.Credentials.Guardians);
        Assert.Contains(fixture.Credentials.Devices, d => d.PersonId is null);
    }

    [Fact]
    public async Task DeviceSecrets_MatchTheStoredHashes()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        foreach (var device in fixture.Credentials.Devices)
        {
            var stored = await db.Devices.SingleAsync(d => d.DeviceId == device.DeviceId);
            Assert.Equal(DeviceEndpoints.HashSecret(device.Secret), stored.SecretHash);
            Assert.Equal(device.PersonId, stored.AssignedPersonId);
        }
    }

    [Fact]
    public async Task SeedAgain_OnANonEmptyDatabase_PostgresRefusesAndSqliteKeepsData()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var before = await db.People.CountAsync();
        if (fixture.IsPostgres)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => seeder.SeedAsync(CancellationToken.None));
            Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        }
        else
        {
            await seeder.SeedAsync(CancellationToken.None);
        }

        Assert.Equal(before, await db.People.CountAsync());
    }

    [Fact]
    public async Task Provinces_AllThirtyFourSeeded()
    {
        var officer = await fixture.LogInAsync("hn.analyst");
        var provinces = await Expect.Json<PageOf<ProvinceDto>>(await officer.GetAsync("/api/v1/provinces"));
        Assert.Equal(34, provinces.Total);
        Assert.Contains(provinces.Items, p => p.Code == "79" && p.NameVi == "Hồ Chí Minh");
        Assert.Equal(3321, provinces.Items.Sum(p => p.OfficialCommuneCount));
    }
}

public sealed class SqliteDemoSeedTests(SqliteFixture fixture) : DemoSeedTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresDemoSeedTests(PostgresFixture fixture) : DemoSeedTests(fixture), IClassFixture<PostgresFixture>;
