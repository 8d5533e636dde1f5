using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Domain.Telemetry;

/// <summary>
/// Reads <c>events</c>, an array of strings. An event this server does not know is kept as
/// <see cref="DeviceEventKind.Unknown"/> rather than refused: a newer firmware must not lose its messages.
/// </summary>
internal static class EventsReader
{
    /// <param name="scratch">A list reused across the messages of a body; only needed for two or more events.</param>
    public static FieldError? Read(ref Utf8JsonReader reader, ref List<DeviceEvent>? scratch, out IReadOnlyList<DeviceEvent> events)
    {
        events = [];
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            return TelemetryJson.WrongType(ref reader, "events", "events", "an array of strings");

        FieldError? error = null;
        DeviceEvent first = default;
        var count = 0;
        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            // Keep reading after an error: the reader must end on this array's last token.
            if (error is not null)
            {
                reader.Skip();
                continue;
            }

            error = ReadOne(ref reader, index, out var deviceEvent);
            if (error is not null)
                continue;
            if (count == 0)
            {
                first = deviceEvent;
            }
            else
            {
                if (count == 1)
                {
                    scratch ??= [];
                    scratch.Clear();
                    scratch.Add(first);
                }

                scratch!.Add(deviceEvent);
            }

            count++;
        }

        if (error is null && count > 0)
            events = count == 1 ? [first] : scratch!.ToArray();
        return error;
    }

    private static FieldError? ReadOne(ref Utf8JsonReader reader, int index, out DeviceEvent deviceEvent)
    {
        deviceEvent = default;
        if (reader.TokenType != JsonTokenType.String)
            return TelemetryJson.WrongType(ref reader, Path(index), "an event", "a string");
        if (!TelemetryJson.TryGetText(ref reader, out var text))
            return new(Path(index), "an event must be valid text; got a string with an unpaired surrogate escape");
        deviceEvent = Parse(text);
        return null;
    }

    private static DeviceEvent Parse(ReadOnlySpan<byte> text)
    {
        if (text.SequenceEqual("poweron"u8))
            return new(DeviceEventKind.PowerOn, null);
        if (text.SequenceEqual("poweroff:user"u8))
            return new(DeviceEventKind.PowerOffUser, null);
        if (text.SequenceEqual("poweroff:lowbat"u8))
            return new(DeviceEventKind.PowerOffLowBattery, null);
        if (text.SequenceEqual("sos"u8))
            return new(DeviceEventKind.Sos, null);
        if (text.SequenceEqual("shock"u8))
            return new(DeviceEventKind.Shock, null);
        if (text.SequenceEqual("fall"u8))
            return new(DeviceEventKind.Fall, null);
        if (text.Length > "fault:"u8.Length && text.StartsWith("fault:"u8))
            return new(DeviceEventKind.Fault, Encoding.UTF8.GetString(text["fault:"u8.Length..]));
        if (text.Length > "fw:"u8.Length && text.StartsWith("fw:"u8))
            return new(DeviceEventKind.Firmware, Encoding.UTF8.GetString(text["fw:"u8.Length..]));
        return new(DeviceEventKind.Unknown, Encoding.UTF8.GetString(text));
    }

    private static string Path(int index) => string.Create(CultureInfo.InvariantCulture, $"events[{index}]");
}
