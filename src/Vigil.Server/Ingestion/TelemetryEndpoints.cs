using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Devices;
using Vigil.Domain.Telemetry;
using Vigil.Server.Api;
using Vigil.Server.Data;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The HTTPS batch upload of DEVICE-PROTOCOL.md: the device secret as a bearer token, one message or up to 500,
/// 200 with accepted / duplicate / rejected counts once the messages are stored.
/// </summary>
internal static class TelemetryEndpoints
{
    public static void MapTelemetryEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/devices/{deviceId}/telemetry", UploadAsync).AllowAnonymous().WithTags("Device ingestion");

    private static async Task<IResult> UploadAsync(string deviceId, HttpRequest request, VigilDbContext db, TelemetryStore store,
        UploadRateLimiter limiter, TimeProvider clock, CancellationToken ct)
    {
        var device = await AuthenticateAsync(deviceId, request, db, ct);
        var now = clock.GetUtcNow();
        if (!limiter.TryTake(device.DeviceId, now))
        {
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many uploads.",
                detail: $"A device may upload {UploadRateLimiter.UploadsPerMinute} times a minute; buffer and send batches.",
                extensions: new Dictionary<string, object?> { ["code"] = "rate-limited" });
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var batch = TelemetryParser.Parse(body.GetBuffer().AsSpan(0, (int)body.Length), now, TelemetryLimits.Default);
        if (batch.IsMalformed)
        {
            throw new Domain.DomainException(batch.MalformedField ?? "body", "malformed-body", batch.MalformedReason ?? "The body is not a telemetry batch.");
        }

        var rows = batch.Accepted.Select(m => new TelemetryRow
        {
            DeviceId = device.DeviceId,
            Seq = m.Seq,
            MeasuredAt = m.MeasuredAt,
            ReceivedAt = now,
            Lat = m.Fix?.Lat,
            Lon = m.Fix?.Lon,
            AccuracyMeters = m.Fix?.AccuracyMeters,
            BatteryPercent = m.Battery?.Percent,
            Message = JsonSerializer.Serialize(m, JsonSerializerOptions.Web),
        }).ToList();
        var stored = rows.Count == 0 ? 0 : await store.AppendAsync(device.DeviceId, rows, ct);
        return TypedResults.Ok(new UploadResult(stored, batch.Accepted.Count - stored, batch.Rejected.Count,
            batch.Rejected.Select(r => new UploadRejection(r.Index, r.Seq, r.Field, r.Reason)).ToList()));
    }

    private static async Task<Device> AuthenticateAsync(string deviceId, HttpRequest request, VigilDbContext db, CancellationToken ct)
    {
        var header = request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        var device = await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.DeviceId == deviceId, ct);
        var expected = Encoding.ASCII.GetBytes(device?.SecretHash ?? new string('0', 64));
        var actual = Encoding.ASCII.GetBytes(DeviceEndpoints.HashSecret(secret));
        if (device is null || device.Status == DeviceStatus.Retired || device.SecretHash is null || secret.Length == 0
            || !CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            throw new UnauthorizedException("bad-device-credentials", "Unknown device, retired device, or wrong secret.");
        }

        return device;
    }
}

/// <summary>What an upload did: stored, dropped as duplicates (same seq), and refused with reasons.</summary>
public sealed record UploadResult(int Accepted, int Duplicates, int Rejected, IReadOnlyList<UploadRejection> Rejections);

/// <summary>A refused message: its index in the batch, its seq when readable, the field and why.</summary>
public sealed record UploadRejection(int Index, long? Seq, string Field, string Reason);
