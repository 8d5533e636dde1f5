using System.Globalization;
using System.Text.Json;

namespace Vigil.Domain.Telemetry;

/// <summary>Reads <c>t</c>: an ISO-8601 time with an offset, measured no later or earlier than the limits allow.</summary>
internal static class TimeReader
{
    private const string Expected = "an ISO-8601 time with an offset (Z or ±hh:mm)";

    public static FieldError? Read(
        ref Utf8JsonReader reader, DateTimeOffset receivedAt, TelemetryLimits limits, out DateTimeOffset? measuredAt)
    {
        measuredAt = null;
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.String)
            return TelemetryJson.WrongType(ref reader, "t", "t", Expected);

        // System.Text.Json reads a time without an offset as local time; the protocol demands one, so check first.
        if (!TelemetryJson.TryGetText(ref reader, out var text) || !HasOffset(text)
            || !reader.TryGetDateTimeOffset(out var sent))
        {
            return new("t", $"t must be {Expected}; got \"{TelemetryJson.Raw(reader.ValueSpan)}\"");
        }

        var utc = sent.ToUniversalTime();
        var ahead = utc - receivedAt;
        if (ahead > limits.MaxFuture)
        {
            return new("t", $"t must be at most {Format(limits.MaxFuture)} after receipt; "
                + $"got \"{TelemetryJson.Raw(reader.ValueSpan)}\", {Format(ahead)} in the future");
        }

        var age = receivedAt - utc;
        if (age > limits.MaxAge)
        {
            return new("t", $"t must be at most {Format(limits.MaxAge)} before receipt; "
                + $"got \"{TelemetryJson.Raw(reader.ValueSpan)}\", {Format(age)} old");
        }

        measuredAt = utc;
        return null;
    }

    // The date part holds '-' too, so look for Z, + or - only after the 'T' that starts the time of day.
    private static bool HasOffset(ReadOnlySpan<byte> text) =>
        text.Length > 11 && text[10] == (byte)'T' && text[11..].IndexOfAny("Z+-"u8) >= 0;

    private static string Format(TimeSpan span) => span.ToString("c", CultureInfo.InvariantCulture);
}
