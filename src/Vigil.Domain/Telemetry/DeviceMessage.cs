namespace Vigil.Domain.Telemetry;

/// <summary>
/// One validated message from a wristband (protocol v1): what the device measured at <see cref="MeasuredAt"/>.
/// Every section is optional and null when the device sent nothing for it; <see cref="Seq"/> is the device's own
/// counter, used to drop the duplicates that at-least-once delivery produces.
/// </summary>
/// <param name="Seq">The device's message counter, ≥ 0, never reused.</param>
/// <param name="MeasuredAt">When the values were measured, in UTC (not when they were sent or received).</param>
/// <param name="Fix">The position, or null when the device had no fix.</param>
/// <param name="Battery">The battery state, or null when not reported.</param>
/// <param name="Wear">Strap, skin-contact and case switches, or null when not reported.</param>
/// <param name="Vitals">Physiological readings, or null when not reported.</param>
/// <param name="Motion">Steps and activity, or null when not reported.</param>
/// <param name="Events">The events in the order sent; empty when none.</param>
public sealed record DeviceMessage(
    long Seq,
    DateTimeOffset MeasuredAt,
    Fix? Fix,
    BatteryReading? Battery,
    WearReading? Wear,
    Vitals? Vitals,
    MotionReading? Motion,
    IReadOnlyList<DeviceEvent> Events);
