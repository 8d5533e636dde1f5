using Vigil.Domain.Hotspots;
using Vigil.Simulator.Model;

namespace Vigil.Simulator.Scenarios;

/// <summary>A commune (ward) the simulated people live in: its centre and the radius of its travel zone.</summary>
public sealed record Commune(string Code, string Name, GeoPoint Centre, double TravelRadiusMeters);

/// <summary>A known drug hotspot (karaoke, guesthouse…) as a circle.</summary>
public sealed record HotspotSite(Guid Id, string Name, HotspotCategory Category, GeoPoint Centre, double RadiusMeters);

/// <summary>The two demo wards of Hà Nội (the same centres as the demo seed) and the hotspots near them (the demo seed registers these).</summary>
public static class World
{
    public static IReadOnlyList<Commune> Communes { get; } =
    [
        new("00070", "Phường Hoàn Kiếm", new GeoPoint(21.0288, 105.8525), 3000),
        new("00004", "Phường Ba Đình", new GeoPoint(21.0368, 105.8342), 3000),
    ];

    /// <summary>Hotspots inside the travel zones but away from where people live and work (deterministic ids).</summary>
    public static IReadOnlyList<HotspotSite> Hotspots { get; } =
    [
        new(new Guid("5e1a0000-0000-4000-8000-000000000001"), "Karaoke Hồ Gươm", HotspotCategory.Karaoke, new GeoPoint(21.0288, 105.8525).Offset(2400, 120), 80),
        new(new Guid("5e1a0000-0000-4000-8000-000000000002"), "Nhà nghỉ Phố Cổ", HotspotCategory.Guesthouse, new GeoPoint(21.0288, 105.8525).Offset(2500, 220), 60),
        new(new Guid("5e1a0000-0000-4000-8000-000000000003"), "Bar Liễu Giai", HotspotCategory.Bar, new GeoPoint(21.0368, 105.8342).Offset(2400, 300), 70),
        new(new Guid("5e1a0000-0000-4000-8000-000000000004"), "Căn hộ Ngọc Khánh", HotspotCategory.Apartment, new GeoPoint(21.0368, 105.8342).Offset(2500, 20), 60),
    ];
}
