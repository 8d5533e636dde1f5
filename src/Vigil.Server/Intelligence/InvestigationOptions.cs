namespace Vigil.Server.Intelligence;

/// <summary>Limits of the investigation searches (configuration section "Investigations").</summary>
public sealed class InvestigationOptions
{
    public const string Section = "Investigations";

    /// <summary>The longest time window of a "who was near this place" search (default 7 days).</summary>
    public TimeSpan MaxPlaceWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The longest period of a suspicious-place analysis (default 31 days: recurrence needs weeks; it reads the nights only).</summary>
    public TimeSpan MaxSuspiciousPlacesPeriod { get; set; } = TimeSpan.FromDays(31);

    /// <summary>The largest radius of a circle searched (default 5 km).</summary>
    public double MaxRadiusMeters { get; set; } = 5_000;

    /// <summary>The most ~200 m grid cells an area may cover (default 2,500: about 10 km × 10 km).</summary>
    public int MaxCells { get; set; } = 2_500;

    /// <summary>The longest period of a "who was with this person" search (default 31 days).</summary>
    public TimeSpan MaxCoLocationPeriod { get; set; } = TimeSpan.FromDays(31);

    /// <summary>Co-location: within this many metres (default 50) …</summary>
    public double CoLocationRadiusMeters { get; set; } = 50;

    /// <summary>… of the person's fix, at most this far apart in time (default 2 minutes), unless the request says otherwise.</summary>
    public TimeSpan CoLocationTolerance { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest co-location radius a request may ask for (default 500 m).</summary>
    public double MaxCoLocationRadiusMeters { get; set; } = 500;

    /// <summary>The largest time tolerance a request may ask for (default 30 minutes).</summary>
    public TimeSpan MaxCoLocationTolerance { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A search that would read more fixes than this is refused: narrow the area or the window (default 2 million).</summary>
    public int MaxFixesRead { get; set; } = 2_000_000;

    /// <summary>Fixes kept as evidence per person found (default 5).</summary>
    public int SamplesPerPerson { get; set; } = 5;
}
