namespace Vigil.Domain.Places;

/// <summary>How suspicious places are mined from the location history (configuration section "SuspiciousPlaces").</summary>
public sealed class PlaceMiningOptions
{
    public const string Section = "SuspiciousPlaces";

    /// <summary>The night, in Vietnam time: from 22:00 …</summary>
    public TimeOnly NightStarts { get; set; } = new(22, 0);

    /// <summary>… to 05:00 the next morning.</summary>
    public TimeOnly NightEnds { get; set; } = new(5, 0);

    /// <summary>A dwell is a run of fixes within this distance of their running centre (default 100 m) …</summary>
    public double DwellRadiusMeters { get; set; } = 100;

    /// <summary>… lasting at least this long (default 1 hour) …</summary>
    public TimeSpan MinDwell { get; set; } = TimeSpan.FromHours(1);

    /// <summary>… with no silence longer than this inside it (default 30 minutes).</summary>
    public TimeSpan MaxGap { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Fixes less precise than this are not used (default 150 m).</summary>
    public double MaxAccuracyMeters { get; set; } = 150;

    /// <summary>Dwells and gatherings whose centres are this close make one place (default 150 m).</summary>
    public double MergeMeters { get; set; } = 150;

    /// <summary>A place where at least this many different people dwelt at night is suspicious (default 2) …</summary>
    public int MinPeople { get; set; } = 2;

    /// <summary>… and so is one where at least this many gatherings took place (default 2).</summary>
    public int MinGatherings { get; set; } = 2;
}
