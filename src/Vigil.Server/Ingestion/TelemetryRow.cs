namespace Vigil.Server.Ingestion;

/// <summary>
/// One stored device message: append-only, unique by device and the device's own sequence number so that a
/// resent message is a duplicate, never a second row. Measurement time and server time are kept apart.
/// </summary>
public sealed class TelemetryRow
{
    /// <summary>The store's own increasing number: the order rows were committed, the device actor's watermark.</summary>
    public long IngestId { get; set; }

    public required string DeviceId { get; init; }

    public long Seq { get; init; }

    public DateTimeOffset MeasuredAt { get; init; }

    /// <summary>When the row was committed (server time).</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public double? AccuracyMeters { get; init; }

    /// <summary>The <see cref="Domain.Geo.GeoCell"/> of the fix, for place-and-time searches.</summary>
    public long? Cell { get; init; }

    public int? BatteryPercent { get; init; }

    /// <summary>The whole validated message as JSON (vitals, wear, motion, events).</summary>
    public required string Message { get; init; }

    /// <summary>The message itself while the row is on its way from the intake to the actors (not stored).</summary>
    public Domain.Telemetry.DeviceMessage? Parsed { get; init; }
}
