using Vigil.Server.Api;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The HTTPS batch upload of DEVICE-PROTOCOL.md: the device secret as a bearer token, one message or up to 500,
/// 200 with accepted / duplicate / rejected counts once the messages are stored.
/// </summary>
internal static class TelemetryEndpoints
{
    public const string Transport = "https";

    public static void MapTelemetryEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/devices/{deviceId}/telemetry", UploadAsync).AllowAnonymous().WithTags("Device ingestion");

    private static async Task<IResult> UploadAsync(string deviceId, HttpRequest request, DeviceCredentials credentials, TelemetryIntake intake,
        UploadRateLimiter limiter, CancellationToken ct)
    {
        var header = request.Headers.Authorization.ToString();
        var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        if (!await credentials.VerifyAsync(deviceId, secret, ct))
        {
            throw new UnauthorizedException("bad-device-credentials", "Unknown device, retired device, or wrong secret.");
        }

        if (!limiter.TryTake(deviceId))
        {
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many uploads.",
                detail: $"A device may upload {limiter.UploadsPerMinute} times a minute; buffer and send batches.",
                extensions: new Dictionary<string, object?> { ["code"] = "rate-limited" });
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var result = await intake.AcceptAsync(deviceId, body.GetBuffer().AsMemory(0, (int)body.Length), Transport, ct);
        if (result.IsMalformed)
        {
            throw new Domain.DomainException(result.MalformedField!, "malformed-body", result.MalformedReason!);
        }

        return TypedResults.Ok(new UploadResult(result.Stored, result.Duplicates, result.Rejections.Count,
            result.Rejections.Select(r => new UploadRejection(r.Index, r.Seq, r.Field, r.Reason)).ToList()));
    }
}

/// <summary>What an upload did: stored, dropped as duplicates (same seq), and refused with reasons.</summary>
public sealed record UploadResult(int Accepted, int Duplicates, int Rejected, IReadOnlyList<UploadRejection> Rejections);

/// <summary>A refused message: its index in the batch, its seq when readable, the field and why.</summary>
public sealed record UploadRejection(int Index, long? Seq, string Field, string Reason);
