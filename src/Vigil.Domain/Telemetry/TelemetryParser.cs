using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace Vigil.Domain.Telemetry;

/// <summary>
/// Turns a protocol-v1 telemetry body (one message object, or an array of them) into typed messages. Never throws
/// on any input: a body that is not JSON or not the right shape is <see cref="TelemetryBatch.IsMalformed"/>, and a
/// message that breaks a rule becomes a <see cref="Rejection"/> without affecting the others.
/// </summary>
public static class TelemetryParser
{
    /// <summary>Parses a telemetry body received at <paramref name="receivedAt"/> (server time).</summary>
    public static TelemetryBatch Parse(ReadOnlySpan<byte> utf8Json, DateTimeOffset receivedAt, TelemetryLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);

        // RFC 8259 lets a parser ignore a byte order mark; some gateway HTTP clients add one.
        if (utf8Json.StartsWith("\uFEFF"u8))
            utf8Json = utf8Json["\uFEFF"u8.Length..];

        // Checked once for the whole body, so that every string read later can be decoded without failing.
        if (!Utf8.IsValid(utf8Json))
            return TelemetryBatch.Malformed("body", "the body must be UTF-8; it holds invalid byte sequences");
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
            return TelemetryBatch.Malformed("body", "the body must be a message object or an array of them; it is empty");

        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            reader.Read();
            var messages = new MessageReader(receivedAt, limits);
            var batch = reader.TokenType switch
            {
                JsonTokenType.StartObject => ReadOne(ref reader, messages),
                JsonTokenType.StartArray => ReadMany(ref reader, messages, limits.MaxBatch),
                _ => TelemetryBatch.Malformed(
                    "body", $"the body must be a message object or an array of them; got {TelemetryJson.Describe(ref reader)}"),
            };

            // Reading past the end throws on trailing content ("{...} x"), which makes the body malformed too.
            if (!batch.IsMalformed)
                reader.Read();
            return batch;
        }
        catch (JsonException e)
        {
            return TelemetryBatch.Malformed("body", $"the body must be valid JSON; {e.Message}");
        }
    }

    private static TelemetryBatch ReadOne(ref Utf8JsonReader reader, MessageReader messages)
    {
        var message = messages.Read(ref reader, 0, out var rejection);
        return message is not null ? new([message], []) : new([], [rejection!]);
    }

    private static TelemetryBatch ReadMany(ref Utf8JsonReader reader, MessageReader messages, int maxBatch)
    {
        var accepted = new List<DeviceMessage>();
        List<Rejection>? rejected = null;
        var index = 0;
        for (; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (index == maxBatch)
            {
                return TelemetryBatch.Malformed(
                    "[]", string.Create(CultureInfo.InvariantCulture, $"a batch must hold 1–{maxBatch} messages; got more than {maxBatch}"));
            }

            if (messages.Read(ref reader, index, out var rejection) is { } message)
                accepted.Add(message);
            else
                (rejected ??= []).Add(rejection!);
        }

        if (index == 0)
        {
            return TelemetryBatch.Malformed(
                "[]", string.Create(CultureInfo.InvariantCulture, $"a batch must hold 1–{maxBatch} messages; got an empty array"));
        }

        return new(accepted, rejected is null ? [] : rejected);
    }
}
