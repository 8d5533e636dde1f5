namespace Vigil.Domain.Decisions;

/// <summary>Parameters of the decision rules; defaults follow the law and are configuration.</summary>
public sealed class DecisionOptions
{
    /// <summary>No one younger than this on the start date can be placed under monitoring.</summary>
    public int MinimumAge { get; set; } = 12;

    /// <summary>Below this age on the start date a guardian is required and notified.</summary>
    public int AdultAge { get; set; } = 18;

    /// <summary>The durations offered (months).</summary>
    public IReadOnlyList<int> StandardDurationsMonths { get; set; } = [12, 24];

    /// <summary>Whether a duration other than the standard ones may be chosen (never above the maximum).</summary>
    public bool AllowOtherDurations { get; set; }

    public int MaximumDurationMonths { get; set; } = 24;
}
