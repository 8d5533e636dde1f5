namespace Vigil.Domain.Scope;

/// <summary>The four parts of the registered scope: residence, travel, activities and work.</summary>
public enum ZoneKind
{
    Residence,
    Travel,
    Activity,
    Work,
}
