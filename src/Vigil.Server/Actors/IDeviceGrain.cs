namespace Vigil.Server.Actors;

/// <summary>
/// One wristband's actor, keyed by device id. It sees the device's stored messages one batch at a time, in order,
/// keeps the twin, runs the rules and commits the twin with what the rules raised in one transaction.
/// </summary>
[Alias("Vigil.IDeviceGrain")]
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>Evaluates rows that are already committed to the telemetry store (rows at or below the watermark are skipped).</summary>
    [Alias("Deliver")]
    Task DeliverAsync(StoredMessages messages);

    /// <summary>The passing of time: deadlines and silences (called by the deadline sweeper).</summary>
    [Alias("Tick")]
    Task TickAsync();

    /// <summary>Reloads the case from the registry, replays anything stored but not yet evaluated, and re-arms the deadline.</summary>
    [Alias("Refresh")]
    Task RefreshAsync();

    /// <summary>The highest telemetry row this actor has evaluated (its stored twin may lag behind it).</summary>
    [Alias("EvaluatedThrough")]
    Task<long> EvaluatedThroughAsync();
}

/// <summary>Telemetry rows of one device as committed, in commit order.</summary>
[GenerateSerializer, Immutable, Alias("Vigil.StoredMessages")]
public sealed record StoredMessages([property: Id(0)] IReadOnlyList<StoredMessage> Rows);

/// <summary>
/// One committed telemetry row: its store order, the device's seq and times, and the validated message as JSON.
/// Within one silo the parsed message travels along (<see cref="Parsed"/>, not serialized: the record is immutable,
/// so a local call passes it by reference); across silos the JSON is parsed again.
/// </summary>
[GenerateSerializer, Immutable, Alias("Vigil.StoredMessage")]
public sealed record StoredMessage(
    [property: Id(0)] long IngestId,
    [property: Id(1)] long Seq,
    [property: Id(2)] DateTimeOffset MeasuredAt,
    [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] string Message)
{
    [NonSerialized]
    private readonly Domain.Telemetry.DeviceMessage? _parsed;

    public Domain.Telemetry.DeviceMessage? Parsed { get => _parsed; init => _parsed = value; }

    public Domain.Telemetry.DeviceMessage Read() => Parsed ?? Ingestion.TelemetryIntake.ReadMessage(Message);

    public static StoredMessage From(Ingestion.TelemetryRow row) =>
        new(row.IngestId, row.Seq, row.MeasuredAt, row.ReceivedAt, row.Message) { Parsed = row.Parsed };
}
