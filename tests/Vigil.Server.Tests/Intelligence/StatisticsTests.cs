using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Rules;
using Vigil.Server.Intelligence;
using Vigil.Server.Tests.Alerts;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Intelligence;

/// <summary>Statistics per commune, province and nation: counts within the caller's jurisdiction, days in Vietnam time.</summary>
public abstract class StatisticsTests(VigilFixture fixture)
{
    private static readonly SemaphoreSlim AlertsOnce = new(1, 1);
    private static readonly HashSet<VigilFixture> Raised = [];

    [Fact]
    public async Task Overview_CommuneChief_TheCommuneOnly()
    {
        var overview = await Expect.Json<StatisticsOverview>(await (await fixture.LogInAsync("hk.chief")).GetAsync("/api/v1/statistics/overview"));

        Assert.Equal(new StatisticsArea(UnitLevel.Commune, "01", "00070"), overview.Area);
        Assert.Equal(3, overview.People.Total);
        Assert.Equal(3, overview.People.ByGroup.Values.Sum());
        Assert.Equal(3, overview.People.ByStatus["active"]);
        Assert.Equal((0, 3), (overview.People.WithoutDecision, overview.People.Monitored));
        Assert.Equal((3, 3, 100.0), (overview.Devices.Total, overview.Devices.ByStatus["assigned"], overview.Devices.InUsePercent));
        Assert.Equal(0, overview.Devices.ByStatus["inRepair"]);
    }

    [Fact]
    public async Task Overview_ProvincialSupervisor_TheProvinceWithItsStock()
    {
        var overview = await Expect.Json<StatisticsOverview>(await (await fixture.LogInAsync("hn.supervisor")).GetAsync("/api/v1/statistics/overview"));

        Assert.Equal(new StatisticsArea(UnitLevel.Provincial, "01", null), overview.Area);
        Assert.Equal(6, overview.People.Total);
        Assert.Equal((16, 6, 10), (overview.Devices.Total, overview.Devices.ByStatus["assigned"], overview.Devices.ByStatus["inStock"]));
        Assert.Equal(37.5, overview.Devices.InUsePercent);
    }

    [Fact]
    public async Task Overview_NationNarrowedToACommune_ThatCommune()
    {
        var overview = await Expect.Json<StatisticsOverview>(await (await fixture.LogInAsync("c04.supervisor"))
            .GetAsync("/api/v1/statistics/overview?communeCode=00004"));

        Assert.Equal(new StatisticsArea(UnitLevel.Commune, "01", "00004"), overview.Area);
        Assert.Equal(3, overview.People.Total);
    }

    [Fact]
    public async Task Overview_AreaOutsideTheJurisdiction_NotFound()
    {
        var chief = await fixture.LogInAsync("hk.chief");
        await Expect.Problem(await chief.GetAsync("/api/v1/statistics/overview?communeCode=00004"), 404, "communeCode");
        await Expect.Problem(await chief.GetAsync("/api/v1/statistics/overview?provinceCode=01"), 404, "provinceCode");
        await Expect.Problem(await (await fixture.LogInAsync("hn.supervisor")).GetAsync("/api/v1/statistics/trends?provinceCode=79"), 404, "provinceCode");
        await Expect.Problem(await chief.GetAsync("/api/v1/statistics/overview?communeCode=99999"), 404, "communeCode");
    }

    [Fact]
    public async Task Trends_AlertsCountedOnTheirVietnamDay_WithinTheJurisdiction()
    {
        await RaiseOnceAsync();
        var today = new DateOnly(2026, 11, 23);
        var commune = await Expect.Json<StatisticsTrends>(await (await fixture.LogInAsync("hk.officer1"))
            .GetAsync("/api/v1/statistics/trends?from=2026-11-17&to=2026-11-23"));
        var sibling = await Expect.Json<StatisticsTrends>(await (await fixture.LogInAsync("bd.chief"))
            .GetAsync("/api/v1/statistics/trends?from=2026-11-17&to=2026-11-23"));
        var province = await Expect.Json<StatisticsTrends>(await (await fixture.LogInAsync("hn.analyst"))
            .GetAsync("/api/v1/statistics/trends?from=2026-11-17&to=2026-11-23"));

        Assert.Equal(7, commune.Days.Count);
        Assert.Equal(today, commune.Days[^1].Date);
        Assert.Equal((2, 2, 0), (commune.Days[^1].AlertsRaised, commune.Days[^1].High, commune.Days[^1].Critical));
        Assert.Equal(2, commune.AlertsByRule["outsideArea"]);
        Assert.Equal(0, commune.Days[0].AlertsRaised);
        Assert.Equal(1, sibling.AlertsRaised);
        Assert.Equal(1, sibling.AlertsByRule["tamper"]);
        Assert.Equal(3, province.AlertsRaised);
        Assert.Equal(6, province.PeopleRegistered);
    }

    [Fact]
    public async Task Trends_BadRange_ProblemNamesTheField()
    {
        var analyst = await fixture.LogInAsync("hn.analyst");
        await Expect.Problem(await analyst.GetAsync("/api/v1/statistics/trends?from=2026-11-23&to=2026-11-01"), 400, "to");
        await Expect.Problem(await analyst.GetAsync("/api/v1/statistics/trends?from=2024-11-23&to=2026-11-01"), 400, "to");
        await Expect.Problem(await analyst.GetAsync("/api/v1/statistics/trends?from=yesterday"), 400, "from");
    }

    /// <summary>Two outside-area alerts in Hoàn Kiếm and a tamper alert in Ba Đình, raised once per fixture.</summary>
    private async Task RaiseOnceAsync()
    {
        await AlertsOnce.WaitAsync();
        try
        {
            if (Raised.Add(fixture))
            {
                await fixture.RaiseAsync(fixture.Credentials.Devices[0].PersonId!.Value);
                await fixture.RaiseAsync(fixture.Credentials.Devices[1].PersonId!.Value);
                await fixture.RaiseAsync(fixture.Credentials.Devices[3].PersonId!.Value, RuleKind.Tamper);
            }
        }
        finally
        {
            AlertsOnce.Release();
        }
    }
}

public sealed class SqliteStatisticsTests(SqliteFixture fixture) : StatisticsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresStatisticsTests(PostgresFixture fixture) : StatisticsTests(fixture), IClassFixture<PostgresFixture>;
