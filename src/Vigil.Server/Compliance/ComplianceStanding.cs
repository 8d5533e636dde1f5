using Vigil.Domain.Compliance;

namespace Vigil.Server.Compliance;

/// <summary>A person's current rolling score, kept beside the days so a unit's list sorts and counts tiers in SQL.</summary>
public sealed class ComplianceStanding
{
    public Guid PersonId { get; init; }

    /// <summary>The last day of the window the score covers.</summary>
    public DateOnly Through { get; set; }

    /// <summary>Null when the person was not monitored in the window.</summary>
    public int? Score { get; set; }

    public ComplianceTier? Tier { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>When the tier last changed (and the device was told its reporting interval).</summary>
    public DateTimeOffset? TierSince { get; set; }
}
