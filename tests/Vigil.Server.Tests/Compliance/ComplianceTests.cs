using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MQTTnet;
using Vigil.Domain.Compliance;
using Vigil.Domain.Records;
using Vigil.Domain.Rules;
using Vigil.Server.Api;
using Vigil.Server.Compliance;
using Vigil.Server.Data;
using Vigil.Server.Tests.Alerts;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Compliance;

/// <summary>
/// The compliance score from what the store holds: the demo wearer's band put on two days earlier (a correcting
/// attachment record), six hours not worn and six outside the area (alerts), a flat battery (telemetry), a confirmed
/// violation, one report on time and one overdue. The job measures the days; the API explains the score; a tier change
/// tells the band its reporting interval over the real broker.
/// </summary>
public abstract class ComplianceTests(VigilFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly HashSet<VigilFixture> Prepared = [];

    private Guid Person => fixture.Credentials.Devices[0].PersonId!.Value;

    [Fact]
    public async Task Person_FromTheStore_EveryPartExplained()
    {
        await PrepareAsync();
        var officer = await fixture.LogInAsync("hk.officer1");
        var now = fixture.Clock.GetUtcNow();
        await fixture.Factory.Services.GetRequiredService<ComplianceJob>().RunAsync(now);

        var result = await Expect.Json<PersonComplianceDto>(await officer.GetAsync($"/api/v1/persons/{Person}/compliance"));

        var monitoredHours = (now - Start.AddDays(-2)).TotalHours; // 10:00 on the 21st (Vietnam) to now
        var parts = result.Parts.ToDictionary(p => p.Name);
        Assert.Equal(1 - (6 / monitoredHours), parts["wear"].Fraction, 3);
        Assert.Equal(0, parts["charging"].Fraction); // one low day and a depletion in three days
        Assert.Equal("1 days at 10 % battery or less, 1 depletions in 3 days", parts["charging"].WhyEn);
        Assert.Equal(0.75, parts["zones"].Fraction); // 6 h of 24
        Assert.Equal(0.65, parts["violations"].Fraction); // one high-severity violation (not worn)
        Assert.Equal(0.5, parts["reports"].Fraction); // the malfunction report on time, the arrival overdue
        Assert.Equal("1/2 trình báo đúng hạn", parts["reports"].WhyVi);
        var expected = (int)Math.Round((30 * parts["wear"].Fraction) + (25 * 0.75) + (20 * 0.65) + (10 * 0.5), MidpointRounding.AwayFromZero);
        Assert.Equal(expected, result.Score);
        Assert.Equal(ComplianceTier.Watch, result.Tier);
        Assert.Equal(30, result.Trend.Count);
        Assert.Equal(new DateOnly(2026, 11, 23), result.Trend[^1].Date);
        Assert.Equal(result.Score, result.Trend[^1].Score);
        Assert.Null(result.Trend[0].Score); // not monitored in the window ending a month ago
        Assert.Null(result.Trend[^4].Score); // the 20th: before the band went on
        Assert.NotNull(result.Trend[^3].Score);

        // The read is audited against the person.
        var audit = await Expect.Json<PageOf<JsonElement>>(await (await fixture.LogInAsync("c04.supervisor")).GetAsync($"/api/v1/audit?personId={Person}&pageSize=200"));
        Assert.Contains(audit.Items, e => e.GetProperty("action").GetString() == "compliance.read");
    }

    [Fact]
    public async Task Unit_LowestFirst_TierCountsWithinTheJurisdiction()
    {
        await PrepareAsync();
        await fixture.Factory.Services.GetRequiredService<ComplianceJob>().RunAsync(fixture.Clock.GetUtcNow());

        var commune = await Expect.Json<ComplianceSummary>(await (await fixture.LogInAsync("hk.chief")).GetAsync("/api/v1/compliance"));
        Assert.Equal(3, commune.People.Total);
        Assert.Equal(3, commune.Tiers.Values.Sum() + commune.Unscored);
        Assert.Equal(Person, commune.People.Items[0].PersonId);
        Assert.Equal(1, commune.Tiers["watch"]);
        Assert.True(commune.People.Items.Select(i => i.Score).SequenceEqual(commune.People.Items.Select(i => i.Score).Order()));

        var province = await Expect.Json<ComplianceSummary>(await (await fixture.LogInAsync("hn.analyst")).GetAsync("/api/v1/compliance?tier=watch"));
        Assert.Equal(Person, Assert.Single(province.People.Items).PersonId);
        var sibling = await Expect.Json<ComplianceSummary>(await (await fixture.LogInAsync("bd.chief")).GetAsync("/api/v1/compliance"));
        Assert.DoesNotContain(sibling.People.Items, i => i.PersonId == Person);
        await Expect.Problem(await (await fixture.LogInAsync("bd.chief")).GetAsync("/api/v1/compliance?communeCode=00070"), 404, "communeCode");
        await Expect.Problem(await (await fixture.LogInAsync("hk.chief")).GetAsync("/api/v1/compliance?tier=excellent"), 400, "tier");
    }

    [Fact]
    public async Task TierChange_TheBandIsToldItsReportingInterval()
    {
        using var band = await DeviceClient.ConnectAsync(fixture, 0);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        band.ApplicationMessageReceivedAsync += e =>
        {
            var json = JsonDocument.Parse(e.ApplicationMessage.ConvertPayloadToString()).RootElement.Clone();
            if (json.GetProperty("reason").GetString() == "compliance-tier:watch")
            {
                received.TrySetResult(json);
            }

            return Task.CompletedTask;
        };
        await band.SubscribeAsync($"v1/devices/{fixture.Credentials.Devices[0].DeviceId}/commands", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);

        await PrepareAsync();
        await fixture.Factory.Services.GetRequiredService<ComplianceJob>().RunAsync(fixture.Clock.GetUtcNow());

        var command = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(("report-interval", 45), (command.GetProperty("cmd").GetString(), command.GetProperty("seconds").GetInt32()));
    }

    [Fact]
    public async Task Pass_InSmallBatches_SameDaysAndScoresAsInOne()
    {
        await PrepareAsync();
        var now = fixture.Clock.GetUtcNow();
        var whole = await FreshPassAsync(now, peoplePerBatch: 100_000);
        var batched = await FreshPassAsync(now, peoplePerBatch: 2);
        Assert.True(whole.Standings.Count > 2, $"{whole.Standings.Count} people scored: one batch of 2 would hold them all.");
        Assert.Contains(whole.Days, d => d.Contains("\"Depletions\":1", StringComparison.Ordinal));
        Assert.Equal(whole.Days, batched.Days);
        Assert.Equal(whole.Standings, batched.Standings);

        // The book alone tells no band its tier: the job's next pass must see the tiers change, as on a fresh store.
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<VigilDbContext>().ComplianceStandings.ExecuteDeleteAsync();
    }

    /// <summary>A pass on a store with no compliance rows: every kept day measured, every person scored.</summary>
    private async Task<(List<string> Days, List<string> Standings)> FreshPassAsync(DateTimeOffset now, int peoplePerBatch)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        await db.ComplianceDays.ExecuteDeleteAsync();
        await db.ComplianceStandings.ExecuteDeleteAsync();
        var book = new ComplianceBook(db, scope.ServiceProvider.GetRequiredService<IOptions<ComplianceOptions>>(),
            Options.Create(new ComplianceJobOptions { PeoplePerBatch = peoplePerBatch }));
        await book.RefreshAsync(now);
        db.ChangeTracker.Clear();
        var days = await db.ComplianceDays.AsNoTracking().ToListAsync();
        var standings = await db.ComplianceStandings.AsNoTracking().ToListAsync();
        return ([.. days.Select(d => JsonSerializer.Serialize(d)).Order(StringComparer.Ordinal)],
            [.. standings.Select(s => JsonSerializer.Serialize(s)).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The history, made once per fixture.</summary>
    private async Task PrepareAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!Prepared.Add(fixture))
            {
                return;
            }

            await BackdateAttachmentAsync(Start.AddDays(-2));
            var day = Start.AddDays(-1); // 10:00 on the 22nd, Vietnam time
            var notWorn = $"notworn:{Guid.NewGuid():N}";
            var raised = await fixture.ApplyAsync(Person, AlertSteps.Result(AlertSteps.Raised(RuleKind.NotWorn, notWorn, day.AddHours(-2), day.AddHours(-1.8))));
            await fixture.ApplyAsync(Person, AlertSteps.Result(AlertSteps.Ended(RuleKind.NotWorn, notWorn, day.AddHours(-2), day.AddHours(4))));
            var outside = $"outside:{Guid.NewGuid():N}";
            await fixture.ApplyAsync(Person, AlertSteps.Result(AlertSteps.Raised(RuleKind.OutsideArea, outside, day.AddHours(5), day.AddHours(5.25))));
            await fixture.ApplyAsync(Person, AlertSteps.Result(AlertSteps.Ended(RuleKind.OutsideArea, outside, day.AddHours(5), day.AddHours(11))));
            await fixture.RaiseAsync(Person, RuleKind.ArrivalNotReported);

            // An officer confirms the not-worn alert as a violation.
            var officer = await fixture.LogInAsync("hk.officer1");
            var alert = await officer.GetAlertAsync(Assert.Single(raised).Id);
            await Expect.Status(await officer.PostIfMatch($"/api/v1/alerts/{alert.Id}/resolve", alert.Version,
                new { outcome = "confirmedViolation", note = "Không đeo thiết bị 6 giờ, đã xác minh." }), 200);

            await UploadAsync(0, [(day.AddHours(7), 8, ""), (day.AddHours(7.5), 0, ""","events":["poweroff:lowbat"]""")]);
            await AddRecordAsync(RecordKind.MalfunctionReport, fixture.Clock.GetUtcNow());
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>The records say the band went on earlier: a correction of the demo's attachment record.</summary>
    private async Task BackdateAttachmentAsync(DateTimeOffset at)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var attachment = await db.Records.SingleAsync(r => r.PersonId == Person && r.Kind == RecordKind.Attachment);
        db.Records.Add(new FormalRecord
        {
            PersonId = Person, Kind = RecordKind.Attachment, OccurredAt = at, RecordedAt = fixture.Clock.GetUtcNow(), OfficerId = attachment.OfficerId,
            DeviceId = attachment.DeviceId, Position = attachment.Position, CorrectsRecordId = attachment.Id, Reason = "Ngày gắn ghi sai",
        });
        await db.SaveChangesAsync();
    }

    private async Task AddRecordAsync(RecordKind kind, DateTimeOffset at)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var officer = await db.Records.Where(r => r.PersonId == Person).Select(r => r.OfficerId).FirstAsync();
        db.Records.Add(new FormalRecord { PersonId = Person, Kind = kind, OccurredAt = at, RecordedAt = at, OfficerId = officer, Reason = "Báo hỏng GPS" });
        await db.SaveChangesAsync();
    }

    private async Task UploadAsync(int device, IEnumerable<(DateTimeOffset At, int Battery, string Extra)> messages)
    {
        var credentials = fixture.Credentials.Devices[device];
        using var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Secret);
        var seq = 700_000;
        var body = string.Join(',', messages.Select(m => string.Create(CultureInfo.InvariantCulture,
            $$"""{"seq":{{seq++}},"t":"{{m.At.UtcDateTime:O}}","fix":{"lat":21.03,"lon":105.85,"acc":8},"bat":{"pct":{{m.Battery}},"chg":false}{{m.Extra}}}""")));
        await Expect.Status(await client.PostAsync($"/api/v1/devices/{credentials.DeviceId}/telemetry",
            new StringContent($"[{body}]", Encoding.UTF8, "application/json")), 200);
    }
}

public sealed class SqliteComplianceTests(SqliteBrokerFixture fixture) : ComplianceTests(fixture), IClassFixture<SqliteBrokerFixture>;

public sealed class PostgresComplianceTests(PostgresBrokerFixture fixture) : ComplianceTests(fixture), IClassFixture<PostgresBrokerFixture>;
