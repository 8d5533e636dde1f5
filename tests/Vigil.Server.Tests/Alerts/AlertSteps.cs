using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Alerts;
using Vigil.Domain.Rules;
using Vigil.Server.Alerts;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Alerts;

/// <summary>Alerts made as the real-time engine will make them: a hand-made rule result through the AlertBook, committed by the AuditLog.</summary>
public static class AlertSteps
{
    public static RuleSignal Raised(RuleKind rule, string key, DateTimeOffset since, DateTimeOffset at) =>
        new(rule, SignalKind.Raised, key, since, at,
            [new Evidence(since, 21.0410, 105.8600, 12, "fix outside every zone"), new Evidence(at, 21.0420, 105.8610, 9, "fix outside every zone")],
            new Dictionary<string, string> { ["outsideDwell"] = "00:15:00", ["outsideMarginMeters"] = "10" }, "outside every zone of scope v1");

    public static RuleSignal Ended(RuleKind rule, string key, DateTimeOffset since, DateTimeOffset at) =>
        new(rule, SignalKind.Ended, key, since, at, [], new Dictionary<string, string>(), "back inside the residence zone");

    public static RuleResult Result(params RuleSignal[] signals)
    {
        var result = new RuleResult();
        result.Signals.AddRange(signals);
        return result;
    }

    /// <summary>Applies <paramref name="result"/> for the person (their commune's station, their device) at the fixture's time, and commits.</summary>
    public static async Task<IReadOnlyList<Alert>> ApplyAsync(this VigilFixture fixture, Guid personId, RuleResult result)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var device = await db.Devices.Where(d => d.AssignedPersonId == personId).Select(d => d.DeviceId).FirstOrDefaultAsync() ?? "VG-TEST";
        var subject = await AlertBook.SubjectOfAsync(db, personId, device, CancellationToken.None);
        var changed = await scope.ServiceProvider.GetRequiredService<AlertBook>()
            .ApplyAsync(db, subject, result, fixture.Clock.GetUtcNow(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().SaveAsync();
        return changed;
    }

    /// <summary>Opens one alert of <paramref name="rule"/> for the person, its condition begun 15 minutes ago, under a fresh key.</summary>
    public static async Task<Alert> RaiseAsync(this VigilFixture fixture, Guid personId, RuleKind rule = RuleKind.OutsideArea, string? key = null)
    {
        var now = fixture.Clock.GetUtcNow();
        var changed = await fixture.ApplyAsync(personId, Result(Raised(rule, key ?? $"{rule}:{Guid.NewGuid():N}", now.AddMinutes(-15), now)));
        return Assert.Single(changed);
    }

    /// <summary>The alerts of a person as the database has them, newest last.</summary>
    public static async Task<List<Alert>> AlertsOfAsync(this VigilFixture fixture, Guid personId, string? key = null)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.PersonId == personId && (key == null || a.Key == key)).ToListAsync();
        return [.. alerts.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id)];
    }

    /// <summary>POST with the version as If-Match, as a console does after reading the alert.</summary>
    public static Task<HttpResponseMessage> PostIfMatch(this HttpClient client, string url, long version, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = body is null ? null : JsonContent.Create(body, options: VigilFixture.Json),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    public static async Task<AlertDto> GetAlertAsync(this HttpClient client, Guid id) =>
        await Expect.Json<AlertDto>(await client.GetAsync($"/api/v1/alerts/{id}"));
}
