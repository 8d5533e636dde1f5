using System.Text.Json;
using Vigil.Domain.Investigations;
using Vigil.Server.Api;

namespace Vigil.Server.Intelligence;

/// <summary>"Who was near this place in this time window": a GeoJSON polygon (<c>geometry</c>) or a <c>circle</c>, and why.</summary>
/// <param name="Reason">Why the search is made (10–500 characters); written to the audit log with the search.</param>
/// <param name="From">Start of the window (inclusive).</param>
/// <param name="To">End of the window (exclusive); at most <c>Investigations:MaxPlaceWindow</c> after <c>from</c>.</param>
public sealed record NearPlaceRequest(string? Reason, DateTimeOffset? From, DateTimeOffset? To, JsonElement? Geometry, CircleDto? Circle);

/// <summary>"Who was with this person over this period": within <c>radiusMeters</c> of one of their fixes, within <c>toleranceSeconds</c> of it.</summary>
/// <param name="Reason">Why the search is made (10–500 characters); written to the audit log with the search.</param>
/// <param name="RadiusMeters">Default <c>Investigations:CoLocationRadiusMeters</c> (50 m).</param>
/// <param name="ToleranceSeconds">Default <c>Investigations:CoLocationTolerance</c> (120 s).</param>
public sealed record CoLocationRequest(string? Reason, Guid? PersonId, DateTimeOffset? From, DateTimeOffset? To, double? RadiusMeters,
    int? ToleranceSeconds);

/// <summary>A person found by an investigation, as far as the caller's jurisdiction shows them.</summary>
public sealed record FoundPersonDto(Guid PersonId, string FullName, string ProvinceCode, string CommuneCode);

/// <summary>A stored fix shown as evidence.</summary>
public sealed record FixDto(string DeviceId, DateTimeOffset MeasuredAt, double Lat, double Lon, double? AccuracyMeters)
{
    public static FixDto From(PersonFix f) => new(f.DeviceId, f.MeasuredAt, f.Lat, f.Lon, f.AccuracyMeters);
}

/// <summary>Someone who was in the area: first and last fix there, how many fixes, and a few of them spread over the visit.</summary>
public sealed record PlaceVisitDto(FoundPersonDto Person, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, int Fixes, IReadOnlyList<FixDto> Samples);

/// <summary>The answer to a place search. People outside the caller's jurisdiction are never included.</summary>
public sealed record NearPlaceResult(string Reason, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<PlaceVisitDto> People);

/// <summary>A fix of the companion and the fix of the investigated person it was matched to, and how far apart they were.</summary>
public sealed record EncounterDto(FixDto Person, FixDto Companion, double DistanceMeters)
{
    public static EncounterDto From(Encounter e) => new(FixDto.From(e.Target), FixDto.From(e.Other), Math.Round(e.DistanceMeters, 1));
}

/// <summary>Someone who was with the person: encounters, distinct minutes together, first and last, the closest distance, and samples.</summary>
public sealed record CompanionDto(FoundPersonDto Person, int Encounters, int MinutesTogether, DateTimeOffset FirstAt, DateTimeOffset LastAt,
    double ClosestMeters, IReadOnlyList<EncounterDto> Samples);

/// <summary>The answer to a co-location search. People outside the caller's jurisdiction are never included.</summary>
/// <param name="PersonFixes">How many fixes of the person were compared.</param>
public sealed record CoLocationResult(string Reason, Guid PersonId, DateTimeOffset From, DateTimeOffset To, double RadiusMeters, int ToleranceSeconds,
    int PersonFixes, IReadOnlyList<CompanionDto> Companions);
