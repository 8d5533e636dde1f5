using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Domain.Audit;

/// <summary>The hash chain of the audit log: how an entry is sealed and how a sequence is verified.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Seals a new entry after <paramref name="previous"/> (null for the first).</summary>
    public static AuditEntry Seal(AuditEntry? previous, DateTimeOffset at, Guid? actorId, string actorName, string actorRole,
        string action, string entityType, string? entityId, Guid? personId, string? details)
    {
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? Genesis;
        var entry = new AuditEntry
        {
            Sequence = sequence,
            At = at.ToUniversalTime(),
            ActorId = actorId,
            ActorName = actorName,
            ActorRole = actorRole,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            PersonId = personId,
            Details = details,
            PreviousHash = previousHash,
            Hash = "",
        };
        return CopyWithHash(entry, ComputeHash(entry));
    }

    /// <summary>
    /// Hash over every field, each length-prefixed so that no two different entries share a canonical form.
    /// Times are reduced to microseconds, the precision both databases keep.
    /// </summary>
    public static string ComputeHash(AuditEntry entry)
    {
        var micros = (entry.At.UtcTicks / 10).ToString(CultureInfo.InvariantCulture);
        var canonical = new StringBuilder();
        foreach (var field in new[]
                 {
                     entry.Sequence.ToString(CultureInfo.InvariantCulture), micros, entry.ActorId?.ToString(),
                     entry.ActorName, entry.ActorRole, entry.Action, entry.EntityType, entry.EntityId,
                     entry.PersonId?.ToString(), entry.Details, entry.PreviousHash,
                 })
        {
            // A missing value is written as length -1, so that null and "" seal differently.
            canonical.Append((field?.Length ?? -1).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>Checks entries given in sequence order, continuing from <paramref name="previous"/>.</summary>
    /// <returns>The first broken entry and why, or null when the chain holds.</returns>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entries, AuditEntry? previous = null)
    {
        foreach (var entry in entries)
        {
            var expectedSequence = (previous?.Sequence ?? 0) + 1;
            if (entry.Sequence != expectedSequence)
            {
                return new AuditBreak(entry.Sequence, $"expected entry {expectedSequence} but found {entry.Sequence}: entries were removed or reordered");
            }

            if (entry.PreviousHash != (previous?.Hash ?? Genesis))
            {
                return new AuditBreak(entry.Sequence, "its previous-hash does not match the entry before it");
            }

            if (ComputeHash(entry) != entry.Hash)
            {
                return new AuditBreak(entry.Sequence, "its content does not match its hash: the entry was altered");
            }

            previous = entry;
        }

        return null;
    }

    private static AuditEntry CopyWithHash(AuditEntry e, string hash) => new()
    {
        Sequence = e.Sequence,
        At = e.At,
        ActorId = e.ActorId,
        ActorName = e.ActorName,
        ActorRole = e.ActorRole,
        Action = e.Action,
        EntityType = e.EntityType,
        EntityId = e.EntityId,
        PersonId = e.PersonId,
        Details = e.Details,
        PreviousHash = e.PreviousHash,
        Hash = hash,
    };
}

/// <summary>Where and why the audit chain breaks.</summary>
public sealed record AuditBreak(long Sequence, string Reason);
