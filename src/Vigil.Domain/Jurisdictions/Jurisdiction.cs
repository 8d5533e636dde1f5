namespace Vigil.Domain.Jurisdictions;

/// <summary>
/// The area an officer may see: the whole nation, one province, or one commune. Commune ⊂ province ⊂ nation.
/// </summary>
public sealed record Jurisdiction(UnitLevel Level, string? ProvinceCode, string? CommuneCode)
{
    public static readonly Jurisdiction Nation = new(UnitLevel.National, null, null);

    public static Jurisdiction Of(Unit unit) => new(unit.Level, unit.ProvinceCode, unit.CommuneCode);

    public bool Covers(string provinceCode, string communeCode) => Level switch
    {
        UnitLevel.National => true,
        UnitLevel.Provincial => ProvinceCode == provinceCode,
        _ => CommuneCode == communeCode,
    };

    public bool CoversProvince(string? provinceCode) => Level switch
    {
        UnitLevel.National => true,
        _ => provinceCode is not null && ProvinceCode == provinceCode,
    };
}
