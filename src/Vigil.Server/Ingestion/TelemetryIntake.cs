using System.Text.Json;
using Vigil.Domain.Geo;
using Vigil.Domain.Telemetry;

namespace Vigil.Server.Ingestion;

/// <summary>
/// Where both transports meet: parse a body exactly as DEVICE-PROTOCOL.md says, count and log what was refused,
/// and store the rest through the pipeline. Returns once the accepted messages are durable.
/// </summary>
public sealed class TelemetryIntake(TelemetryPipeline pipeline, IngestionMetrics metrics, TimeProvider clock, ILogger<TelemetryIntake> logger)
{
    public async Task<IntakeResult> AcceptAsync(string deviceId, ReadOnlyMemory<byte> body, string transport, CancellationToken ct)
    {
        var batch = TelemetryParser.Parse(body.Span, clock.GetUtcNow(), TelemetryLimits.Default);
        if (batch.IsMalformed)
        {
            metrics.Rejected(transport, batch.MalformedField!, "malformed-body");
            logger.TelemetryMalformed(deviceId, transport, batch.MalformedField!, batch.MalformedReason!);
            return new IntakeResult(0, 0, [], batch.MalformedField, batch.MalformedReason);
        }

        foreach (var rejection in batch.Rejected)
        {
            metrics.Rejected(transport, rejection.Field, "invalid-field");
            logger.TelemetryRejected(deviceId, transport, rejection.Seq, rejection.Field, rejection.Reason);
        }

        var rows = new List<TelemetryRow>(batch.Accepted.Count);
        HashSet<long>? seqs = batch.Accepted.Count > 1 ? [] : null; // a repeated seq within one body is stored once
        for (var i = 0; i < batch.Accepted.Count; i++)
        {
            if (seqs?.Add(batch.Accepted[i].Seq) != false)
            {
                rows.Add(ToRow(deviceId, batch.Accepted[i]));
            }
        }

        var stored = await pipeline.StoreAsync(rows, ct);
        return new IntakeResult(stored, batch.Accepted.Count - stored, batch.Rejected, null, null);
    }

    public static TelemetryRow ToRow(string deviceId, DeviceMessage message) => new()
    {
        DeviceId = deviceId,
        Seq = message.Seq,
        MeasuredAt = message.MeasuredAt,
        Lat = message.Fix?.Lat,
        Lon = message.Fix?.Lon,
        AccuracyMeters = message.Fix?.AccuracyMeters,
        Cell = message.Fix is { } fix ? GeoCell.Of(fix.Lat, fix.Lon) : null,
        BatteryPercent = message.Battery?.Percent,
        Message = JsonSerializer.Serialize(message, TelemetryJson.Default.DeviceMessage),
        Parsed = message,
    };

    /// <summary>The validated message a stored row holds (as <see cref="ToRow"/> wrote it).</summary>
    public static DeviceMessage ReadMessage(string json) =>
        JsonSerializer.Deserialize(json, TelemetryJson.Default.DeviceMessage) ?? throw new InvalidOperationException("A telemetry row holds no message.");
}

/// <summary>What one upload did. <see cref="MalformedField"/> is set when the body as a whole was refused.</summary>
public sealed record IntakeResult(int Stored, int Duplicates, IReadOnlyList<Rejection> Rejections, string? MalformedField, string? MalformedReason)
{
    public bool IsMalformed => MalformedField is not null;
}
