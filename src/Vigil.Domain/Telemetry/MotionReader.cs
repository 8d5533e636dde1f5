using System.Text.Json;

namespace Vigil.Domain.Telemetry;

/// <summary>Reads <c>motion</c>: steps since the last message and an activity level.</summary>
internal static class MotionReader
{
    private static readonly IntegerRule Steps = new("motion.steps", "steps", 0, int.MaxValue, "within 0–2147483647");
    private static readonly NumberRule Activity = new("motion.act", "activity", 0, 1, "within 0–1");

    public static FieldError? Read(ref Utf8JsonReader reader, out MotionReading? motion)
    {
        motion = null;
        if (!TelemetryJson.EnterObject(ref reader, "motion", out var error))
            return error;

        long? steps = null;
        double? activity = null;
        FieldError? stepsError = null, activityError = null;
        while (TelemetryJson.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("steps"u8))
                stepsError = TelemetryJson.ReadInteger(ref reader, Steps, out steps);
            else if (name.SequenceEqual("act"u8))
                activityError = TelemetryJson.ReadNumber(ref reader, Activity, out activity);
            else
                reader.Skip();
        }

        error = stepsError ?? activityError;
        if (error is null && (steps is not null || activity is not null))
            motion = new MotionReading((int?)steps, activity);
        return error;
    }
}
