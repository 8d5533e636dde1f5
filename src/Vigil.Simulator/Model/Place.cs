namespace Vigil.Simulator.Model;

/// <summary>Somewhere a wearer spends time. Indoors the band sees worse GPS (wifi and cell fixes, drift, gaps).</summary>
public sealed record Place(string Name, GeoPoint At, bool Indoor);
