using System.Text;
using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Tests.Telemetry;

/// <summary>Bodies and a fixed receipt time for the parser tests.</summary>
internal static class TelemetryBody
{
    public const string MeasuredAt = "2026-11-23T03:15:30Z";

    /// <summary>The full example message of DEVICE-PROTOCOL.md, byte for byte.</summary>
    public const string Example = """
        {
          "seq": 1042,
          "t": "2026-11-23T03:15:30Z",
          "fix":    { "lat": 21.02851, "lon": 105.85422, "acc": 8.5, "src": "gnss", "spd": 1.2, "hdg": 270, "alt": 12 },
          "bat":    { "pct": 76, "chg": false },
          "wear":   { "strap": "closed", "skin": true, "case": "closed" },
          "vitals": { "hr": 72, "hrv": 45.2, "spo2": 98, "temp": 33.1, "eda": 2.31, "rr": 14 },
          "motion": { "steps": 12, "act": 0.31 },
          "events": ["poweron"]
        }
        """;

    /// <summary>30 s after the example was measured.</summary>
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 3, 16, 0, TimeSpan.Zero);

    /// <summary>A valid message with <paramref name="sections"/> (JSON members, comma-separated) after seq and t.</summary>
    public static string Message(string sections = "", long seq = 1, string t = MeasuredAt) =>
        sections.Length == 0
            ? $$"""{"seq":{{seq}},"t":"{{t}}"}"""
            : $$"""{"seq":{{seq}},"t":"{{t}}",{{sections}}}""";

    public static TelemetryBatch Parse(string json, TelemetryLimits? limits = null) =>
        Parse(Encoding.UTF8.GetBytes(json), limits);

    public static TelemetryBatch Parse(byte[] utf8, TelemetryLimits? limits = null) =>
        TelemetryParser.Parse(utf8, ReceivedAt, limits ?? TelemetryLimits.Default);

    public static DeviceMessage Accepted(string json)
    {
        var batch = Parse(json);
        Assert.False(batch.IsMalformed, batch.MalformedReason);
        Assert.True(batch.Rejected.Count == 0, batch.Rejected.Count == 0 ? null : batch.Rejected[0].ToString());
        return Assert.Single(batch.Accepted);
    }

    public static Rejection Rejected(string json)
    {
        var batch = Parse(json);
        Assert.False(batch.IsMalformed, batch.MalformedReason);
        Assert.Empty(batch.Accepted);
        return Assert.Single(batch.Rejected);
    }

    public static TelemetryBatch Malformed(string json) => Malformed(Encoding.UTF8.GetBytes(json));

    public static TelemetryBatch Malformed(byte[] utf8)
    {
        var batch = Parse(utf8);
        Assert.True(batch.IsMalformed);
        Assert.Empty(batch.Accepted);
        Assert.Empty(batch.Rejected);
        Assert.False(string.IsNullOrWhiteSpace(batch.MalformedReason));
        return batch;
    }
}
