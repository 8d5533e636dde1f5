using Vigil.Domain.Scope;
using Vigil.Domain.Time;
using Vigil.Simulator.Model;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator.Live;

/// <summary>A zone of a wearer's scope in force, as the server stores it: a GeoJSON polygon or a circle.</summary>
public sealed record RegisteredZone(ZoneKind Kind, string? GeometryGeoJson, double? CenterLat, double? CenterLon, double? RadiusMeters);

/// <summary>A wearer as registered in Vigil: the band on them (with its secret), the residence and the zones in force.</summary>
public sealed record RegisteredWearer(string DeviceId, string Secret, Guid PersonId, string CommuneCode, GeoPoint Home, IReadOnlyList<RegisteredZone> Zones);

/// <summary>
/// Turns registered wearers into a live fleet: each lives their own day (home, work, errands) from the registered
/// residence and workplace inside their travel zone, compressed <c>speed</c> times; one in 20 each opens the case,
/// visits a hotspot, takes the band off… (<see cref="DemoScenario"/>). Used by the demo fleet inside the server and by
/// the simulator's <c>fleet</c> command against a running Vigil.
/// </summary>
public static class FleetWearers
{
    private static readonly DateTimeOffset SeqEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="now">When the fleet starts (true time); timestamps stay real, only the routines run faster.</param>
    /// <param name="mqttAvailable">False when no broker takes the bands' connections: every band then uploads over HTTPS.</param>
    public static List<FleetMember> Build(IEnumerable<RegisteredWearer> wearers, DateTimeOffset now, double speed, double httpsShare, bool mqttAvailable)
    {
        var routineStart = VietnamTime.StartOfDay(VietnamTime.LocalDate(now)).AddHours(7.5); // the day starts with the morning commute
        var firstSeq = (long)(now - SeqEpoch).TotalSeconds; // above anything an earlier run sent
        var random = new Random(2026);
        var members = new List<FleetMember>();
        var perCommune = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var wearer in wearers)
        {
            var inCommune = perCommune.GetValueOrDefault(wearer.CommuneCode);
            perCommune[wearer.CommuneCode] = inCommune + 1;
            var travel = wearer.Zones.FirstOrDefault(z => z.Kind == ZoneKind.Travel && z.CenterLat is not null);
            var centre = travel is null ? wearer.Home : new GeoPoint(travel.CenterLat!.Value, travel.CenterLon!.Value);
            var commune = new Commune(wearer.CommuneCode, wearer.CommuneCode, centre, travel?.RadiusMeters ?? 3000);
            var work = wearer.Zones.FirstOrDefault(z => z.Kind == ZoneKind.Work) is { } w ? Centre(w) : null;
            var profile = PeopleFactory.Profile(wearer.DeviceId, wearer.PersonId, commune, random, wearer.Home, work);
            var incidents = DemoScenario.For(members.Count, inCommune, profile, commune, now, routineStart, random);
            var simulated = new SimulatedWearer(profile, now, now.AddDays(7), incidents, speed, routineStart, firstSeq);
            // The wearer with the demo's overdose is on MQTT, the band's normal path: only there does it hear the vitals watch.
            var https = random.NextDouble() < httpsShare && members.Count != DemoScenario.OverdoseIndex;
            var transport = !mqttAvailable || https ? Transport.Https : Transport.Mqtt;
            members.Add(new FleetMember(simulated, wearer.Secret, transport));
        }

        return members;
    }

    private static GeoPoint? Centre(RegisteredZone zone)
    {
        if (zone.GeometryGeoJson is not null && ZoneShape.FromGeoJson(zone.GeometryGeoJson, "work").Polygon is { } polygon)
        {
            return new GeoPoint(polygon.Centroid.Y, polygon.Centroid.X);
        }

        return zone.CenterLat is { } a && zone.CenterLon is { } b ? new GeoPoint(a, b) : null;
    }
}
