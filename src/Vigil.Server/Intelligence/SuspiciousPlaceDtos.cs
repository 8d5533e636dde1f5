using Vigil.Domain.Hotspots;

namespace Vigil.Server.Intelligence;

/// <summary>"Where do gatherings recur, or several monitored people dwell at night?" over a period, within an area of the caller's jurisdiction.</summary>
/// <param name="Reason">Why the analysis is made (10–500 characters); written to the audit log with every person it shows.</param>
/// <param name="From">Start of the period (inclusive).</param>
/// <param name="To">End of the period (exclusive); at most <c>Investigations:MaxSuspiciousPlacesPeriod</c> (31 days) after <c>from</c>.</param>
/// <param name="ProvinceCode">Narrow to a province of the jurisdiction (optional).</param>
/// <param name="CommuneCode">Narrow to a commune of the jurisdiction (optional).</param>
public sealed record SuspiciousPlacesRequest(string? Reason, DateTimeOffset? From, DateTimeOffset? To, string? ProvinceCode, string? CommuneCode);

/// <summary>A night dwell shown as evidence: who, which night (the evening's date, Vietnam time), from when to when, on how many fixes.</summary>
public sealed record NightDwellDto(FoundPersonDto Person, DateOnly Night, DateTimeOffset From, DateTimeOffset To, double Lat, double Lon, int Fixes);

/// <summary>A detected gathering at the place: when, and its members of the caller's jurisdiction.</summary>
public sealed record PlaceGatheringDto(Guid GatheringId, DateTimeOffset Since, DateTimeOffset? Until, IReadOnlyList<FoundPersonDto> Members);

/// <summary>A suspicious place, ranked by <c>score</c> (3 per gathering, 2 per person, 1 per night), with its evidence.</summary>
public sealed record SuspiciousPlaceDto(int Rank, double Lat, double Lon, double RadiusMeters, int People, int Nights, int Gatherings, int Score,
    IReadOnlyList<NightDwellDto> Dwells, IReadOnlyList<PlaceGatheringDto> GatheringsHere);

public sealed record SuspiciousPlacesResult(string Reason, DateTimeOffset From, DateTimeOffset To, StatisticsArea Area, int FixesRead,
    IReadOnlyList<SuspiciousPlaceDto> Places);

/// <summary>Promote a suspicious place to the hotspot registry: its centre and radius as listed, a name and a category.</summary>
/// <param name="Reason">Why (10–500 characters); audited.</param>
public sealed record PromotePlaceRequest(string? Reason, string? Name, HotspotCategory? Category, double? Lat, double? Lon, double? RadiusMeters,
    string? Notes);
