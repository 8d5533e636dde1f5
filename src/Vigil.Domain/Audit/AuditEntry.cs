namespace Vigil.Domain.Audit;

/// <summary>
/// One line of the append-only audit log: a change, or a read of a person's personal data. Each entry
/// carries the hash of the one before it, so altering, removing or reordering any past entry breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3… with no gaps.</summary>
    public long Sequence { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Null for the system itself (start-up seed, background jobs) or an anonymous attempt.</summary>
    public Guid? ActorId { get; init; }

    public required string ActorName { get; init; }

    public required string ActorRole { get; init; }

    /// <summary>What happened, e.g. "person.read", "decision.sign".</summary>
    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public string? EntityId { get; init; }

    /// <summary>The person whose data was read or changed, when there is one.</summary>
    public Guid? PersonId { get; init; }

    /// <summary>Extra facts as compact JSON (never secrets).</summary>
    public string? Details { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}
