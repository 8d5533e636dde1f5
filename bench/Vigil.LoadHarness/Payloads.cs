using Vigil.Simulator.Model;
using Vigil.Simulator.Scenarios;

namespace Vigil.LoadHarness;

/// <summary>
/// Realistic message bodies from the simulator: each device's wearer lives a few hours at their registered
/// residence's neighbourhood (GPS indoors and out, battery, vitals, motion), and the load run sends those messages
/// with its own seq and time. Only ordinary messages are kept (worn, closed, no events), so the load raises no
/// alerts of its own besides the probe's tamper messages.
/// </summary>
internal static class Payloads
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero); // 07:00 in Hà Nội

    public static IReadOnlyList<WireMessage> Templates(SimulatedDevice device, TimeSpan span)
    {
        var wearer = Wearer(device, Morning, Morning + span, seed: device.DeviceId.GetHashCode(StringComparison.Ordinal));
        return [.. wearer.Advance(Morning + span).SelectMany(d => d.Messages).DistinctBy(m => m.Seq)
            .Where(m => m is { Strap: "closed", Skin: true, Case: "closed", Events.Count: 0 })];
    }

    /// <summary>What the device buffered over the <paramref name="hours"/> before <paramref name="now"/>, oldest first, seq from 1.</summary>
    public static IReadOnlyList<WireMessage> Buffered(SimulatedDevice device, DateTimeOffset now, double hours)
    {
        var from = now.AddHours(-hours);
        var wearer = Wearer(device, from, now.AddMinutes(-1), seed: device.DeviceId.GetHashCode(StringComparison.Ordinal), firstSeq: device.Seq + 1);
        return [.. wearer.Advance(now.AddMinutes(-1)).SelectMany(d => d.Messages).DistinctBy(m => m.Seq).OrderBy(m => m.Seq)];
    }

    private static SimulatedWearer Wearer(SimulatedDevice device, DateTimeOffset from, DateTimeOffset until, int seed, long? firstSeq = null)
    {
        var home = new GeoPoint(device.HomeLat, device.HomeLon);
        var commune = World.Communes.OrderBy(c => c.Centre.DistanceTo(home)).First();
        var profile = PeopleFactory.Profile(device.DeviceId, device.PersonId ?? Guid.Empty, commune, new Random(seed), home);
        return new SimulatedWearer(profile, from, until, firstSeq: firstSeq);
    }
}
