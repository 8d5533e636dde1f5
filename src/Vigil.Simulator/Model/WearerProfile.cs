namespace Vigil.Simulator.Model;

/// <summary>Who a simulated wearer is: their places, their week, their habits and their physiology.</summary>
/// <param name="Roam">The centre of the area the wearer's errands and evenings fall in (the commune).</param>
/// <param name="RoamRadiusMeters">How far from <paramref name="Roam"/> ordinary errands go.</param>
public sealed record WearerProfile(
    string DeviceId,
    Guid PersonId,
    Place Home,
    Place? Work,
    IReadOnlyList<DayOfWeek> WorkDays,
    TimeOnly WorkStart,
    TimeOnly WorkEnd,
    GeoPoint Roam,
    double RoamRadiusMeters,
    TimeOnly WakeAt,
    TimeOnly SleepAt,
    ChargingHabit Charging,
    double RestingHeartRate,
    int Seed);
