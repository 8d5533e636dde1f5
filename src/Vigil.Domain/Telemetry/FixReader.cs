using System.Text.Json;

namespace Vigil.Domain.Telemetry;

/// <summary>Reads <c>fix</c>. A fix without lat and lon is no fix (the device had none); one without the other is an error.</summary>
internal static class FixReader
{
    private static readonly NumberRule Lat = new("fix.lat", "latitude", -90, 90, "within ±90");
    private static readonly NumberRule Lon = new("fix.lon", "longitude", -180, 180, "within ±180");
    private static readonly NumberRule Accuracy = new("fix.acc", "accuracy", 0, 100_000, "within 0–100000 m");
    private static readonly NumberRule Speed = new("fix.spd", "speed", 0, double.MaxValue, "≥ 0");
    private static readonly NumberRule Heading = new("fix.hdg", "heading", 0, 360, "within 0–360");
    private static readonly NumberRule Altitude = new("fix.alt", "altitude", double.MinValue, double.MaxValue, "finite");

    public static FieldError? Read(ref Utf8JsonReader reader, out Fix? fix)
    {
        fix = null;
        if (!TelemetryJson.EnterObject(ref reader, "fix", out var error))
            return error;

        double? lat = null, lon = null, accuracy = null, speed = null, heading = null, altitude = null;
        FixSource? source = null;
        FieldError? latError = null, lonError = null, accuracyError = null, sourceError = null;
        FieldError? speedError = null, headingError = null, altitudeError = null;
        while (TelemetryJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("lat"u8))
                latError = TelemetryJson.ReadNumber(ref reader, Lat, out lat);
            else if (name.SequenceEqual("lon"u8))
                lonError = TelemetryJson.ReadNumber(ref reader, Lon, out lon);
            else if (name.SequenceEqual("acc"u8))
                accuracyError = TelemetryJson.ReadNumber(ref reader, Accuracy, out accuracy);
            else if (name.SequenceEqual("src"u8))
                sourceError = ReadSource(ref reader, out source);
            else if (name.SequenceEqual("spd"u8))
                speedError = TelemetryJson.ReadNumber(ref reader, Speed, out speed);
            else if (name.SequenceEqual("hdg"u8))
                headingError = TelemetryJson.ReadNumber(ref reader, Heading, out heading);
            else if (name.SequenceEqual("alt"u8))
                altitudeError = TelemetryJson.ReadNumber(ref reader, Altitude, out altitude);
            else
                reader.Skip();
        }

        error = latError ?? lonError ?? accuracyError ?? sourceError ?? speedError ?? headingError ?? altitudeError;
        if (error is not null)
            return error;
        if (lat is { } la && lon is { } lo)
        {
            fix = new Fix(la, lo, accuracy, source, speed, heading, altitude);
            return null;
        }

        return (lat, lon) switch
        {
            (null, null) => null,
            (null, _) => new("fix.lat", "latitude is required when longitude is given; got only fix.lon"),
            _ => new("fix.lon", "longitude is required when latitude is given; got only fix.lat"),
        };
    }

    private static FieldError? ReadSource(ref Utf8JsonReader reader, out FixSource? source)
    {
        const string Choices = "gnss, wifi, cell";
        source = null;
        var error = TelemetryJson.ReadWord(ref reader, "fix.src", "source", Choices, out var word, out var present);
        if (error is not null || !present)
            return error;
        if (word.SequenceEqual("gnss"u8))
            source = FixSource.Gnss;
        else if (word.SequenceEqual("wifi"u8))
            source = FixSource.Wifi;
        else if (word.SequenceEqual("cell"u8))
            source = FixSource.Cell;
        else
            return TelemetryJson.NotOneOf("fix.src", "source", Choices, word);
        return null;
    }
}
