using System.Text.Json;

namespace Vigil.Domain.Telemetry;

/// <summary>Reads <c>bat</c>. Without <c>pct</c> there is no battery reading to keep, as with a fix without a position.</summary>
internal static class BatteryReader
{
    private static readonly IntegerRule Percent = new("bat.pct", "battery level", 0, 100, "within 0–100");

    public static FieldError? Read(ref Utf8JsonReader reader, out BatteryReading? battery)
    {
        battery = null;
        if (!TelemetryJson.EnterObject(ref reader, "bat", out var error))
            return error;

        long? percent = null;
        bool? charging = null;
        FieldError? percentError = null, chargingError = null;
        while (TelemetryJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("pct"u8))
                percentError = TelemetryJson.ReadInteger(ref reader, Percent, out percent);
            else if (name.SequenceEqual("chg"u8))
                chargingError = TelemetryJson.ReadBool(ref reader, "bat.chg", "charging", out charging);
            else
                reader.Skip();
        }

        error = percentError ?? chargingError;
        if (error is null && percent is { } p)
            battery = new BatteryReading((int)p, charging);
        return error;
    }
}
