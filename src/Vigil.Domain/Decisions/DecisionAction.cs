namespace Vigil.Domain.Decisions;

/// <summary>
/// A step in a decision's life — signature, suspension, resumption, end — itself a decision with its date and
/// signer. Kept forever: together they say whether monitoring was in force at any instant.
/// </summary>
public sealed class DecisionAction
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DecisionId { get; init; }

    public DecisionActionKind Kind { get; init; }

    /// <summary>When the step takes effect.</summary>
    public DateTimeOffset EffectiveAt { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public Guid SignedBy { get; init; }

    public SuspensionReason? SuspensionReason { get; init; }

    public string? Note { get; init; }
}
