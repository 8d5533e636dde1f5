namespace Vigil.Domain.Telemetry;

/// <summary>Physiological readings; each is null when the device did not measure it.</summary>
/// <param name="HeartRateBpm">Heart rate in beats per minute, 0–300.</param>
/// <param name="HrvRmssdMs">Heart-rate variability, RMSSD over the last minute in milliseconds, 0–1000.</param>
/// <param name="SpO2Percent">Blood oxygen saturation in percent, 0–100.</param>
/// <param name="SkinTemperatureC">Skin temperature in degrees Celsius, 0–50.</param>
/// <param name="EdaMicrosiemens">Electrodermal activity (skin conductance) in microsiemens, 0–100.</param>
/// <param name="RespirationRatePerMin">Respiration rate in breaths per minute, 0–100.</param>
public sealed record Vitals(
    double? HeartRateBpm,
    double? HrvRmssdMs,
    double? SpO2Percent,
    double? SkinTemperatureC,
    double? EdaMicrosiemens,
    double? RespirationRatePerMin);
