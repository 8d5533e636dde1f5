namespace Vigil.Domain.Hotspots;

public enum HotspotSource
{
    /// <summary>Entered by an officer or analyst.</summary>
    Registry,

    /// <summary>Imported from a GeoJSON file.</summary>
    Import,

    /// <summary>Promoted from the suspicious-location analysis.</summary>
    Discovered,
}
