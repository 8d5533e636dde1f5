using System.Text.Json.Serialization;

namespace Vigil.Simulator.Live;

/// <summary>The file the demo seed writes: every demo log-in and device secret. Demo only: never in production.</summary>
public sealed record DemoCredentials(
    [property: JsonPropertyName("_warning")] string Warning,
    IReadOnlyList<DemoOfficer> Officers,
    IReadOnlyList<DemoDevice> Devices,
    IReadOnlyList<DemoAccount> Wearers,
    IReadOnlyList<DemoAccount> Guardians);

public sealed record DemoOfficer(string Username, string Password, string Role, string Unit, string TotpSecret, string TotpUri);

public sealed record DemoDevice(string DeviceId, string Secret, Guid? PersonId);

public sealed record DemoAccount(string Username, string Password, Guid PersonId);
