namespace Vigil.Domain.Gatherings;

/// <summary>What counts as an unusual gathering (configuration section "Gatherings"); defaults from DOMAIN.md.</summary>
public sealed class GatheringOptions
{
    public const string Section = "Gatherings";

    /// <summary>At least this many monitored people (default 3) …</summary>
    public int MinPeople { get; set; } = 3;

    /// <summary>… within this many metres of each other (default 50; every member within it of the group's centre) …</summary>
    public double RadiusMeters { get; set; } = 50;

    /// <summary>… for at least this long (default 10 minutes), away from their own residence and work zones.</summary>
    public TimeSpan MinDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A latest position older than this is not where the person is now (default 3 minutes).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>A fix less precise than this is not used (default 100 m): indoor drift must not make a crowd.</summary>
    public double MaxAccuracyMeters { get; set; } = 100;

    /// <summary>A member missing from the group for longer than this has left it (default 2 minutes: one late report is not leaving).</summary>
    public TimeSpan LeaveAfter { get; set; } = TimeSpan.FromMinutes(2);
}
