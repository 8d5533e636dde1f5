namespace Vigil.Domain.Telemetry;

/// <summary>Movement since the previous message; each is null when not reported.</summary>
/// <param name="Steps">Steps since the previous message, ≥ 0.</param>
/// <param name="Activity">Activity level, 0 (still) to 1.</param>
public sealed record MotionReading(int? Steps, double? Activity);
