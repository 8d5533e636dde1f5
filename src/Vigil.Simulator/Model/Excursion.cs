namespace Vigil.Simulator.Model;

/// <summary>
/// A departure from the ordinary plan: from wherever the wearer is at <see cref="From"/>, go to
/// <see cref="Destination"/>, stay, and be back on the plan by <see cref="Until"/>. Used for leaving the area,
/// hotspot visits, gatherings, nights away and approved trips.
/// </summary>
public sealed record Excursion(DateTimeOffset From, DateTimeOffset Until, Place Destination, bool Walk = false);
