namespace Vigil.Domain.Telemetry;

/// <summary>The limits a telemetry body is checked against; the defaults are protocol v1's.</summary>
public sealed record TelemetryLimits
{
    public static TelemetryLimits Default { get; } = new();

    /// <summary>The most messages one body (an array) may hold.</summary>
    public int MaxBatch { get; init; } = 500;

    /// <summary>How far after its receipt a message's measurement time may lie (device clock drift).</summary>
    public TimeSpan MaxFuture { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long before its receipt a message may have been measured (the device buffers up to 72 h).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromHours(72);
}
