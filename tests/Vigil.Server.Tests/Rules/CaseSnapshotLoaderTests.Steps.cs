using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Time;
using Vigil.Server.Api;
using Vigil.Server.Rules;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Rules;

/// <summary>The steps the cases are built with: each through the real API, at the fake clock's time.</summary>
public abstract partial class CaseSnapshotLoaderTests
{
    private static int _devices;

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    private DateOnly Today => VietnamTime.LocalDate(Now);

    /// <summary>A hk officer, the hk chief and the province's device logistics, logged in before the clock is read.</summary>
    private async Task<(HttpClient Officer, HttpClient Chief, HttpClient Logistics, Guid UnitId)> TeamAsync(string prefix = "hk")
    {
        var officer = await fixture.LogInAsync($"{prefix}.officer1");
        var chief = await fixture.LogInAsync($"{prefix}.chief");
        var logistics = await fixture.LogInAsync("hn.logistics");
        return (officer, chief, logistics, (await officer.MeAsync()).Unit!.Id);
    }

    /// <summary>A new device, provisioned and in stock at <paramref name="unitId"/>.</summary>
    private static async Task<DeviceDto> NewDeviceAsync(HttpClient logistics, Guid unitId)
    {
        var n = Interlocked.Increment(ref _devices).ToString("D6", CultureInfo.InvariantCulture);
        var device = await Expect.Json<DeviceDto>(await logistics.Post("/api/v1/devices",
            new { serial = $"SNAP-{n}", imei = $"865500000{n}", model = "Vigil Band 1", firmware = "1.4.2", holdingUnitId = unitId }), 201);
        await Expect.Status(await logistics.PostAsync($"/api/v1/devices/{device.Id}/provision", null), 200);
        return device;
    }

    private static async Task<RecordDto> RecordAsync(HttpClient officer, Guid personId, string kind, object body) =>
        await Expect.Json<RecordDto>(await officer.Post($"/api/v1/persons/{personId}/records/{kind}", body), 201);

    private static Task<RecordDto> AttachAsync(HttpClient officer, Guid personId, DeviceDto device) =>
        RecordAsync(officer, personId, "attachment", new { deviceId = device.Id, position = "leftWrist", placeDescription = "Trụ sở Công an phường" });

    private static async Task<RequestDto> RequestAsync(HttpClient client, Guid personId, string kind, object body) =>
        await Expect.Json<RequestDto>(await client.Post($"/api/v1/persons/{personId}/requests/{kind}", body), 201);

    private static async Task DecideAsync(HttpClient officer, RequestDto request, string verb, string note = "Đã xem xét") =>
        await Expect.Status(await officer.Post($"/api/v1/requests/{request.Id}/{verb}", new { note }), 200);

    private async Task<DeviceCase?> LoadAsync(DeviceDto device)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseSnapshotLoader>().LoadAsync(device.DeviceId, CancellationToken.None);
    }

    private async Task<IReadOnlyList<string>> DevicesOfAsync(Guid personId)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseSnapshotLoader>().DevicesOfPersonAsync(personId, CancellationToken.None);
    }

    private void Advance(TimeSpan by) => fixture.Clock.Advance(by);
}
