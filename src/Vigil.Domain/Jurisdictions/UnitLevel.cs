namespace Vigil.Domain.Jurisdictions;

public enum UnitLevel
{
    National,
    Provincial,
    Commune,
}
