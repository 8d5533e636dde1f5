using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigil.Server.Data;
using Vigil.Server.Ingestion;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Ingestion;

/// <summary>Retention: telemetry older than the retention period goes (whole days on PostgreSQL), newer stays.</summary>
public abstract class TelemetryRetentionTests(VigilFixture fixture)
{
    [Fact]
    public async Task RunOnce_AfterRetentionPeriod_OldDaysGoNewDaysStay()
    {
        var device = fixture.Credentials.Devices[0];
        var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", device.Secret);
        var url = $"/api/v1/devices/{device.DeviceId}/telemetry";
        var old = $"[{DeviceClient.Message(fixture, 1, secondsAgo: 70 * 3600)},{DeviceClient.Message(fixture, 2, secondsAgo: 48 * 3600)}]";
        await Expect.Json<UploadResult>(await client.PostAsync(url, new StringContent(old, Encoding.UTF8, "application/json")));

        var fresh = DeviceClient.Message(fixture, 3);
        await Expect.Json<UploadResult>(await client.PostAsync(url, new StringContent(fresh, Encoding.UTF8, "application/json")));

        // The retention pass as it will run 365 days from now: every day before today has expired, today has not.
        // (Advancing the fake clock a year would fire every periodic timer of the server a million times.)
        var retention = fixture.Factory.Services.GetServices<IHostedService>().OfType<TelemetryRetention>().Single();
        var later = fixture.Clock.GetUtcNow().AddDays(365);
        Assert.True(await retention.RunOnceAsync(later, CancellationToken.None) > 0);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        Assert.Equal([3L], await db.Telemetry.Where(t => t.DeviceId == device.DeviceId).Select(t => t.Seq).ToListAsync());
        if (fixture.IsPostgres)
        {
            var partitions = await db.Database.SqlQueryRaw<string>(
                """SELECT c.relname AS "Value" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'Telemetry'""")
                .ToListAsync();
            var today = "Telemetry_" + fixture.Clock.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal([today], partitions.Where(p => p.StartsWith("Telemetry_", StringComparison.Ordinal) && string.CompareOrdinal(p, today) <= 0));
        }
    }

    /// <summary>
    /// PostgreSQL: a day's partition is made without insert-triggered autovacuum, and is vacuumed by the retention pass
    /// once no buffered upload can reach it any more (72 h after the day, with a day's margin) — not before, and once.
    /// </summary>
    [Fact]
    public async Task RunOnce_ClosedDays_VacuumedOnceAndOnlyWhenClosed()
    {
        if (!fixture.IsPostgres)
        {
            return;
        }

        var device = fixture.Credentials.Devices[1];
        var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", device.Secret);
        await Expect.Json<UploadResult>(await client.PostAsync($"/api/v1/devices/{device.DeviceId}/telemetry",
            new StringContent(DeviceClient.Message(fixture, 1), Encoding.UTF8, "application/json")));
        var now = fixture.Clock.GetUtcNow();
        var today = TelemetryPartitions.NameOf(DateOnly.FromDateTime(now.UtcDateTime));
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var options = await db.Database.SqlQuery<string>(
            $"""SELECT array_to_string(reloptions, ',') AS "Value" FROM pg_class WHERE relname = {today}""").SingleAsync();
        Assert.Contains("autovacuum_vacuum_insert_threshold=-1", options, StringComparison.Ordinal);

        var retention = fixture.Factory.Services.GetServices<IHostedService>().OfType<TelemetryRetention>().Single();
        await retention.RunOnceAsync(now.AddDays(4), CancellationToken.None);
        Assert.Null(await LastVacuumAsync(db, today)); // day + 4: uploads of the day could still come (with the margin)

        await retention.RunOnceAsync(now.AddDays(5), CancellationToken.None);
        var vacuumed = await LastVacuumAsync(db, today);
        Assert.NotNull(vacuumed);

        await retention.RunOnceAsync(now.AddDays(6), CancellationToken.None);
        Assert.Equal(vacuumed, await LastVacuumAsync(db, today));
    }

    private static Task<DateTime?> LastVacuumAsync(VigilDbContext db, string partition) =>
        db.Database.SqlQuery<DateTime?>(
            $"""SELECT s.last_vacuum AS "Value" FROM pg_stat_user_tables s WHERE s.relname = {partition}""").SingleAsync();
}

public sealed class SqliteTelemetryRetentionTests(SqliteFixture fixture) : TelemetryRetentionTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresTelemetryRetentionTests(PostgresFixture fixture) : TelemetryRetentionTests(fixture), IClassFixture<PostgresFixture>;
