namespace Vigil.Domain.Telemetry;

/// <summary>
/// The outcome of parsing one telemetry body: either malformed as a whole (not JSON, wrong shape, too many
/// messages), or a list of accepted messages and a list of rejected ones, each in body order.
/// </summary>
public sealed class TelemetryBatch
{
    public TelemetryBatch(IReadOnlyList<DeviceMessage> accepted, IReadOnlyList<Rejection> rejected)
    {
        Accepted = accepted;
        Rejected = rejected;
    }

    private TelemetryBatch(string field, string reason)
        : this([], [])
    {
        MalformedField = field;
        MalformedReason = reason;
    }

    public IReadOnlyList<DeviceMessage> Accepted { get; }

    public IReadOnlyList<Rejection> Rejected { get; }

    public bool IsMalformed => MalformedField is not null;

    /// <summary>What was wrong with the body as a whole: <c>body</c> or <c>[]</c> (the batch array).</summary>
    public string? MalformedField { get; }

    public string? MalformedReason { get; }

    public static TelemetryBatch Malformed(string field, string reason) => new(field, reason);
}
