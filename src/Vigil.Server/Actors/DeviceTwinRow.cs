namespace Vigil.Server.Actors;

/// <summary>
/// The persisted state of one device actor: the rules' twin (as JSON), how far into the telemetry store it has
/// evaluated (<see cref="Watermark"/>), and when it must next be woken (<see cref="NextDeadlineAt"/>). The latest
/// readings are also kept as columns, for the live map and the API.
/// </summary>
public sealed class DeviceTwinRow
{
    public required string DeviceId { get; init; }

    /// <summary>The person the device was on at the last evaluation.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>The highest telemetry <c>IngestId</c> evaluated; rows after it are replayed on activation.</summary>
    public long Watermark { get; set; }

    /// <summary>When the deadline sweeper must tick the actor (durable deadlines); null when nothing is pending.</summary>
    public DateTimeOffset? NextDeadlineAt { get; set; }

    public required string State { get; set; }

    public DateTimeOffset? LastReceivedAt { get; set; }

    public DateTimeOffset? LastFixAt { get; set; }

    public double? LastLat { get; set; }

    public double? LastLon { get; set; }

    public double? LastAccuracyMeters { get; set; }

    public int? BatteryPercent { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
