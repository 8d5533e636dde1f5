namespace Vigil.Domain.Gatherings;

/// <summary>One evaluation's outcome: the gatherings going on (new ones have <see cref="Gathering.Started"/>), and those that ended.</summary>
public sealed record GatheringUpdate(IReadOnlyList<Gathering> Ongoing, IReadOnlyList<Gathering> Ended);
