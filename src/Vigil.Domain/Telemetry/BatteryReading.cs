namespace Vigil.Domain.Telemetry;

/// <summary>The battery state.</summary>
/// <param name="Percent">Charge level, 0–100.</param>
/// <param name="Charging">Whether the device is on charge; null when not reported.</param>
public sealed record BatteryReading(int Percent, bool? Charging);
