using System.Text.Json;

namespace Vigil.Domain.Telemetry;

/// <summary>
/// Reads one message object into a <see cref="DeviceMessage"/> or a <see cref="Rejection"/>. Every field is read
/// to the end even after an error, so that duplicate keys resolve as "last wins" and the reader ends on the
/// message's closing brace, ready for the next message of the batch.
/// </summary>
internal sealed class MessageReader(DateTimeOffset receivedAt, TelemetryLimits limits)
{
    private static readonly IntegerRule Seq = new("seq", "seq", 0, long.MaxValue, "within 0–9223372036854775807");

    private List<DeviceEvent>? _events;

    public DeviceMessage? Read(ref Utf8JsonReader reader, int index, out Rejection? rejection)
    {
        rejection = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var got = TelemetryJson.Describe(ref reader);
            reader.Skip();
            rejection = new(index, null, "message", $"a message must be a JSON object; got {got}");
            return null;
        }

        long? seq = null;
        DateTimeOffset? measuredAt = null;
        Fix? fix = null;
        BatteryReading? battery = null;
        WearReading? wear = null;
        Vitals? vitals = null;
        MotionReading? motion = null;
        IReadOnlyList<DeviceEvent> events = [];
        FieldError? seqError = null, timeError = null, fixError = null, batteryError = null;
        FieldError? wearError = null, vitalsError = null, motionError = null, eventsError = null;
        while (TelemetryJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("seq"u8))
                seqError = TelemetryJson.ReadInteger(ref reader, Seq, out seq);
            else if (name.SequenceEqual("t"u8))
                timeError = TimeReader.Read(ref reader, receivedAt, limits, out measuredAt);
            else if (name.SequenceEqual("fix"u8))
                fixError = FixReader.Read(ref reader, out fix);
            else if (name.SequenceEqual("bat"u8))
                batteryError = BatteryReader.Read(ref reader, out battery);
            else if (name.SequenceEqual("wear"u8))
                wearError = WearReader.Read(ref reader, out wear);
            else if (name.SequenceEqual("vitals"u8))
                vitalsError = VitalsReader.Read(ref reader, out vitals);
            else if (name.SequenceEqual("motion"u8))
                motionError = MotionReader.Read(ref reader, out motion);
            else if (name.SequenceEqual("events"u8))
                eventsError = EventsReader.Read(ref reader, ref _events, out events);
            else
                reader.Skip();
        }

        if (seqError is null && seq is null)
            seqError = new("seq", "seq is required; the message has none");
        if (timeError is null && measuredAt is null)
            timeError = new("t", "t (the measurement time) is required; the message has none");

        // One reason per message, in a fixed order so the same message always gets the same answer.
        var error = seqError ?? timeError ?? fixError ?? batteryError ?? wearError ?? vitalsError ?? motionError ?? eventsError;
        if (error is not null)
        {
            rejection = new(index, seq, error.Field, error.Reason);
            return null;
        }

        return new DeviceMessage(seq!.Value, measuredAt!.Value, fix, battery, wear, vitals, motion, events);
    }
}
