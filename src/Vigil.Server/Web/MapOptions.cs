namespace Vigil.Server.Web;

/// <summary>The base map of the console and the wearer app. Nothing is downloaded unless a tile server is configured.</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>
    /// A Leaflet tile URL template (<c>https://tiles.example/{z}/{x}/{y}.png</c>) of a tile server the browsers may reach;
    /// empty (the default): a plain background with commune boundaries, zones and positions.
    /// </summary>
    public string TileUrl { get; set; } = "";

    /// <summary>The attribution the tile server's licence asks for, shown on the map.</summary>
    public string TileAttribution { get; set; } = "";
}
