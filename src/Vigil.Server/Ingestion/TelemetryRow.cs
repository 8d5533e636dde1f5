namespace Vigil.Server.Ingestion;

/// <summary>
/// One stored device message: append-only, keyed by device and the device's own sequence number so that a
/// resent message is a duplicate, never a second row. Measurement time and server time are kept apart.
/// </summary>
public sealed class TelemetryRow
{
    public required string DeviceId { get; init; }

    public long Seq { get; init; }

    public DateTimeOffset MeasuredAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public double? AccuracyMeters { get; init; }

    public int? BatteryPercent { get; init; }

    /// <summary>The whole validated message as JSON (vitals, wear, motion, events).</summary>
    public required string Message { get; init; }
}
