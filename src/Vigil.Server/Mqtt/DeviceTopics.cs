namespace Vigil.Server.Mqtt;

/// <summary>The protocol's topics: <c>v1/devices/{deviceId}/telemetry</c> up, <c>v1/devices/{deviceId}/commands</c> down.</summary>
public static class DeviceTopics
{
    public const string TelemetryFilter = "v1/devices/+/telemetry";

    public static string Telemetry(string deviceId) => $"v1/devices/{deviceId}/telemetry";

    public static string Commands(string deviceId) => $"v1/devices/{deviceId}/commands";

    /// <summary>The device id of a telemetry topic, or null when the topic is not one.</summary>
    public static string? DeviceOfTelemetry(string topic)
    {
        const string prefix = "v1/devices/", suffix = "/telemetry";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal) || !topic.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = topic[prefix.Length..^suffix.Length];
        return id.Length is > 0 and <= 40 && !id.Contains('/') ? id : null;
    }
}
