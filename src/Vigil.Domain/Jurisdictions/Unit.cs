namespace Vigil.Domain.Jurisdictions;

/// <summary>
/// A police unit: the national department (C04), a provincial drug-crime department, or a commune station.
/// Its codes fix the jurisdiction of every officer in it.
/// </summary>
public sealed class Unit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public UnitLevel Level { get; init; }

    /// <summary>Set for provincial and commune units.</summary>
    public string? ProvinceCode { get; init; }

    /// <summary>Set for commune units.</summary>
    public string? CommuneCode { get; init; }

    public static Unit National(string name) => new() { Name = name, Level = UnitLevel.National };

    public static Unit Provincial(string name, string provinceCode) =>
        new() { Name = name, Level = UnitLevel.Provincial, ProvinceCode = provinceCode };

    public static Unit CommuneStation(string name, string provinceCode, string communeCode) =>
        new() { Name = name, Level = UnitLevel.Commune, ProvinceCode = provinceCode, CommuneCode = communeCode };
}
