using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Mqtt;

public enum MqttMode
{
    /// <summary>The broker runs inside Vigil (MQTTnet on Kestrel): the default.</summary>
    Embedded,

    /// <summary>An external broker (e.g. Eclipse Mosquitto) authenticates the devices; Vigil consumes through a shared subscription.</summary>
    External,

    /// <summary>No MQTT: devices use the HTTPS upload only.</summary>
    Off,
}

/// <summary>The wristbands' MQTT transport ("Mqtt" section).</summary>
public sealed class MqttOptions : IValidatableObject
{
    public const string Section = "Mqtt";

    public MqttMode Mode { get; set; } = MqttMode.Embedded;

    /// <summary>The embedded broker's TCP port (1883 for development, per the protocol).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>External mode: the broker's host.</summary>
    public string? Host { get; set; }

    /// <summary>External mode: the broker's port.</summary>
    [Range(1, 65535)]
    public int ExternalPort { get; set; } = 1883;

    /// <summary>External mode: Vigil's own user name and password at the broker.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>External mode: the shared-subscription group every Vigil node joins, so each message goes to one node.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,40}$")]
    public string SharedGroup { get; set; } = "vigil";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == MqttMode.External && string.IsNullOrWhiteSpace(Host))
        {
            yield return new ValidationResult("Mqtt:Host is required when Mqtt:Mode is External.", [nameof(Host)]);
        }
    }
}
