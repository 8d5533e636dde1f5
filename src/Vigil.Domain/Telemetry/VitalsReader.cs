using System.Text.Json;

namespace Vigil.Domain.Telemetry;

/// <summary>Reads <c>vitals</c>. The ranges are physical limits that catch sensor and encoding faults, not alarms.</summary>
internal static class VitalsReader
{
    private static readonly NumberRule HeartRate = new("vitals.hr", "heart rate", 0, 300, "within 0–300 beats/min");
    private static readonly NumberRule Hrv = new("vitals.hrv", "heart-rate variability", 0, 1000, "within 0–1000 ms");
    private static readonly NumberRule SpO2 = new("vitals.spo2", "SpO2", 0, 100, "within 0–100 %");
    private static readonly NumberRule Temperature = new("vitals.temp", "skin temperature", 0, 50, "within 0–50 °C");
    private static readonly NumberRule Eda = new("vitals.eda", "electrodermal activity", 0, 100, "within 0–100 µS");
    private static readonly NumberRule Respiration = new("vitals.rr", "respiration rate", 0, 100, "within 0–100 breaths/min");

    public static FieldError? Read(ref Utf8JsonReader reader, out Vitals? vitals)
    {
        vitals = null;
        if (!TelemetryJson.EnterObject(ref reader, "vitals", out var error))
            return error;

        double? hr = null, hrv = null, spo2 = null, temp = null, eda = null, rr = null;
        FieldError? hrError = null, hrvError = null, spo2Error = null, tempError = null, edaError = null, rrError = null;
        while (TelemetryJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("hr"u8))
                hrError = TelemetryJson.ReadNumber(ref reader, HeartRate, out hr);
            else if (name.SequenceEqual("hrv"u8))
                hrvError = TelemetryJson.ReadNumber(ref reader, Hrv, out hrv);
            else if (name.SequenceEqual("spo2"u8))
                spo2Error = TelemetryJson.ReadNumber(ref reader, SpO2, out spo2);
            else if (name.SequenceEqual("temp"u8))
                tempError = TelemetryJson.ReadNumber(ref reader, Temperature, out temp);
            else if (name.SequenceEqual("eda"u8))
                edaError = TelemetryJson.ReadNumber(ref reader, Eda, out eda);
            else if (name.SequenceEqual("rr"u8))
                rrError = TelemetryJson.ReadNumber(ref reader, Respiration, out rr);
            else
                reader.Skip();
        }

        error = hrError ?? hrvError ?? spo2Error ?? tempError ?? edaError ?? rrError;
        if (error is null && (hr ?? hrv ?? spo2 ?? temp ?? eda ?? rr) is not null)
            vitals = new Vitals(hr, hrv, spo2, temp, eda, rr);
        return error;
    }
}
