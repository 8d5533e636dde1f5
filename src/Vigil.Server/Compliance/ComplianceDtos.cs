using Vigil.Domain.Compliance;

namespace Vigil.Server.Compliance;

/// <summary>A person's compliance: the score over the window ending <paramref name="Through"/>, its parts with their reasons, and the daily trend.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Through">The last Vietnam day of the window.</param>
/// <param name="WindowDays">The window's length in days.</param>
/// <param name="Score">0–100, or null when the person was not monitored in the window.</param>
/// <param name="Tier">good, watch or attention; null with no score.</param>
/// <param name="Parts">Each part: fraction 0–1, weight, points, and why in Vietnamese and English.</param>
/// <param name="Trend">The score on each of the last window's days, oldest first.</param>
/// <param name="ComputedAt">When the days were last measured.</param>
public sealed record PersonComplianceDto(Guid PersonId, DateOnly Through, int WindowDays, int? Score, ComplianceTier? Tier,
    IReadOnlyList<CompliancePart> Parts, IReadOnlyList<ComplianceTrendPoint> Trend, DateTimeOffset? ComputedAt);

/// <summary>One person in a unit's list.</summary>
public sealed record ComplianceListItem(Guid PersonId, string FullName, string CommuneCode, int? Score, ComplianceTier? Tier, DateTimeOffset? TierSince);

/// <summary>A unit's compliance: how many people in each tier (and with no score yet), and a page of people, lowest score first.</summary>
public sealed record ComplianceSummary(Intelligence.StatisticsArea Area, IReadOnlyDictionary<string, int> Tiers, int Unscored,
    Api.PageOf<ComplianceListItem> People);
