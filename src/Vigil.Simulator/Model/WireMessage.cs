using System.Buffers;
using System.Text.Json;

namespace Vigil.Simulator.Model;

/// <summary>One protocol-v1 message as the band sends it (DEVICE-PROTOCOL.md); absent sections are null.</summary>
public sealed record WireMessage(
    long Seq,
    DateTimeOffset MeasuredAt,
    WireFix? Fix,
    int? BatteryPercent,
    bool? Charging,
    string? Strap,
    bool? Skin,
    string? Case,
    WireVitals? Vitals,
    int? Steps,
    double? Activity,
    IReadOnlyList<string> Events)
{
    /// <summary>One message, or an array of them (a buffered upload), as the UTF-8 JSON body.</summary>
    public static byte[] Serialize(IReadOnlyList<WireMessage> messages, bool asArray)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * messages.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (asArray)
            {
                writer.WriteStartArray();
            }

            foreach (var message in messages)
            {
                message.Write(writer);
            }

            if (asArray)
            {
                writer.WriteEndArray();
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("seq", Seq);
        w.WriteString("t", MeasuredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        if (Fix is { } fix)
        {
            w.WriteStartObject("fix");
            w.WriteNumber("lat", Math.Round(fix.Lat, 6));
            w.WriteNumber("lon", Math.Round(fix.Lon, 6));
            w.WriteNumber("acc", Math.Round(fix.AccuracyMeters, 1));
            w.WriteString("src", fix.Source);
            if (fix.SpeedMps is { } speed)
            {
                w.WriteNumber("spd", Math.Round(speed, 1));
                w.WriteNumber("hdg", Math.Round(fix.HeadingDegrees ?? 0));
            }

            w.WriteEndObject();
        }

        if (BatteryPercent is { } pct)
        {
            w.WriteStartObject("bat");
            w.WriteNumber("pct", pct);
            w.WriteBoolean("chg", Charging ?? false);
            w.WriteEndObject();
        }

        if (Strap is not null)
        {
            w.WriteStartObject("wear");
            w.WriteString("strap", Strap);
            w.WriteBoolean("skin", Skin ?? true);
            w.WriteString("case", Case ?? "closed");
            w.WriteEndObject();
        }

        if (Vitals is { } v)
        {
            w.WriteStartObject("vitals");
            w.WriteNumber("hr", Math.Round(v.HeartRate));
            w.WriteNumber("hrv", Math.Round(v.Hrv, 1));
            w.WriteNumber("spo2", Math.Round(v.SpO2));
            w.WriteNumber("temp", Math.Round(v.SkinTemperature, 1));
            w.WriteNumber("eda", Math.Round(v.Eda, 2));
            w.WriteNumber("rr", Math.Round(v.Respiration));
            w.WriteEndObject();
        }

        if (Activity is { } act)
        {
            w.WriteStartObject("motion");
            w.WriteNumber("steps", Steps ?? 0);
            w.WriteNumber("act", Math.Round(act, 2));
            w.WriteEndObject();
        }

        if (Events.Count > 0)
        {
            w.WriteStartArray("events");
            foreach (var e in Events)
            {
                w.WriteStringValue(e);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}

public sealed record WireFix(double Lat, double Lon, double AccuracyMeters, string Source, double? SpeedMps, double? HeadingDegrees);

public sealed record WireVitals(double HeartRate, double Hrv, double SpO2, double SkinTemperature, double Eda, double Respiration);
