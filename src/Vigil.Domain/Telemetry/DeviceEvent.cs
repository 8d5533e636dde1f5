namespace Vigil.Domain.Telemetry;

/// <summary>
/// Something that happened on the device. <see cref="Detail"/> carries the fault code for
/// <see cref="DeviceEventKind.Fault"/>, the version for <see cref="DeviceEventKind.Firmware"/>, the raw wire text
/// for <see cref="DeviceEventKind.Unknown"/>, and is null otherwise.
/// </summary>
public readonly record struct DeviceEvent(DeviceEventKind Kind, string? Detail);
