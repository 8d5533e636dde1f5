namespace Vigil.Domain.Scope;

/// <summary>
/// The registered scope of a person as it stood from <see cref="EffectiveFrom"/> until the next version.
/// Versions are never edited, so a violation can always be judged against the scope in force at the
/// measurement time.
/// </summary>
public sealed class ScopeVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; init; }

    public int Number { get; init; }

    public DateTimeOffset EffectiveFrom { get; init; }

    /// <summary>When the next version took over; null while this is the current one.</summary>
    public DateTimeOffset? EffectiveUntil { get; private set; }

    public DateTimeOffset RecordedAt { get; init; }

    public Guid RecordedBy { get; init; }

    /// <summary>The approved scope-change request this version implements, if any.</summary>
    public Guid? RequestId { get; init; }

    public string? Note { get; init; }

    public List<Zone> Zones { get; init; } = [];

    public bool InForceAt(DateTimeOffset instant) =>
        EffectiveFrom <= instant && (EffectiveUntil is null || instant < EffectiveUntil);

    public void SupersedeAt(DateTimeOffset instant)
    {
        if (EffectiveUntil is not null)
        {
            throw new InvalidTransitionException("scope", "already-superseded", "This scope version was already superseded.");
        }

        EffectiveUntil = instant;
    }
}
