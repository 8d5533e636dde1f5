namespace Vigil.Domain.Places;

/// <summary>An unusual gathering that was detected: where its centre was, when, and who of the reader's jurisdiction was in it.</summary>
public sealed record PastGathering(Guid Id, DateTimeOffset Since, DateTimeOffset? Until, double Lat, double Lon, IReadOnlyList<Guid> Members);
