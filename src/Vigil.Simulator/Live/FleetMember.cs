using Vigil.Simulator.Model;

namespace Vigil.Simulator.Live;

/// <summary>How a band reaches the server: MQTT (its normal path) or the HTTPS batch upload (phones and gateways).</summary>
public enum Transport
{
    Mqtt,
    Https,
}

/// <summary>One band of a live fleet: the simulated wearer, the device's secret and its transport.</summary>
public sealed record FleetMember(SimulatedWearer Wearer, string Secret, Transport Transport)
{
    public string DeviceId => Wearer.Profile.DeviceId;
}
