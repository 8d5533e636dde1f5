using Vigil.Domain.Audit;

namespace Vigil.Domain.Tests.Audit;

public class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Officer = new("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid Person = new("00000000-0000-0000-0000-0000000000a1");

    [Fact]
    public void Seal_FiveEntries_NumberedAndLinked()
    {
        var chain = ChainOfFive();

        Assert.Equal([1L, 2, 3, 4, 5], chain.Select(e => e.Sequence));
        Assert.Equal(AuditChain.Genesis, chain[0].PreviousHash);
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(chain[i - 1].Hash, chain[i].PreviousHash);
        }

        Assert.All(chain, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
        Assert.All(chain, e => Assert.Equal(AuditChain.ComputeHash(e), e.Hash));
        Assert.Equal(chain.Count, chain.Select(e => e.Hash).Distinct().Count());
    }

    [Fact]
    public void Seal_LocalTime_StoredAsUtc()
    {
        var entry = AuditChain.Seal(null, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(7)), Officer, "Trần Văn Cường",
            "ManagingOfficer", "person.read", "Person", Person.ToString(), Person, null);

        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.Equal(Start, entry.At);
    }

    [Fact]
    public void Verify_IntactChain_Null()
    {
        Assert.Null(AuditChain.Verify(ChainOfFive()));
    }

    [Fact]
    public void Verify_NoEntries_Null()
    {
        Assert.Null(AuditChain.Verify([]));
    }

    [Fact]
    public void Verify_TailContinuingFromItsPredecessor_Null()
    {
        var chain = ChainOfFive();

        Assert.Null(AuditChain.Verify(chain.Skip(2), previous: chain[1]));
    }

    [Fact]
    public void Verify_TailWithoutItsPredecessor_BreaksAtFirstEntry()
    {
        var chain = ChainOfFive();

        var broken = AuditChain.Verify(chain.Skip(2));

        Assert.Equal(3, broken?.Sequence);
    }

    [Theory]
    [InlineData(nameof(AuditEntry.At))]
    [InlineData(nameof(AuditEntry.ActorId))]
    [InlineData(nameof(AuditEntry.ActorName))]
    [InlineData(nameof(AuditEntry.ActorRole))]
    [InlineData(nameof(AuditEntry.Action))]
    [InlineData(nameof(AuditEntry.EntityType))]
    [InlineData(nameof(AuditEntry.EntityId))]
    [InlineData(nameof(AuditEntry.PersonId))]
    [InlineData(nameof(AuditEntry.Details))]
    [InlineData(nameof(AuditEntry.Hash))]
    public void Verify_MiddleEntryContentAltered_BreaksAtThatEntry(string field)
    {
        var chain = ChainOfFive();
        chain[2] = Altered(chain[2], field);

        var broken = AuditChain.Verify(chain);

        Assert.Equal(3, broken?.Sequence);
        Assert.Contains("altered", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MiddleEntryPreviousHashAltered_BreaksAtThatEntry()
    {
        var chain = ChainOfFive();
        chain[2] = Altered(chain[2], nameof(AuditEntry.PreviousHash));

        var broken = AuditChain.Verify(chain);

        Assert.Equal(3, broken?.Sequence);
        Assert.Contains("previous-hash", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MiddleEntrySequenceAltered_BreaksThere()
    {
        var chain = ChainOfFive();
        chain[2] = Altered(chain[2], nameof(AuditEntry.Sequence));

        var broken = AuditChain.Verify(chain);

        Assert.Equal(chain[2].Sequence, broken?.Sequence);
        Assert.Contains("expected entry 3", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MiddleEntryAlteredAndResealed_BreaksAtTheNextEntry()
    {
        var chain = ChainOfFive();
        var forged = Altered(chain[2], nameof(AuditEntry.Details));
        chain[2] = Copy(forged, hash: AuditChain.ComputeHash(forged));

        var broken = AuditChain.Verify(chain);

        Assert.Equal(4, broken?.Sequence);
        Assert.Contains("previous-hash", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PreviousHashPointingElsewhere_BreaksAtThatEntry()
    {
        var chain = ChainOfFive();
        var relinked = Copy(chain[2], previousHash: chain[0].Hash);
        chain[2] = Copy(relinked, hash: AuditChain.ComputeHash(relinked));

        var broken = AuditChain.Verify(chain);

        Assert.Equal(3, broken?.Sequence);
        Assert.Contains("previous-hash", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_MiddleEntryRemoved_BreaksAtTheEntryAfterTheGap()
    {
        var chain = ChainOfFive();
        chain.RemoveAt(2);

        var broken = AuditChain.Verify(chain);

        Assert.Equal(4, broken?.Sequence);
        Assert.Contains("expected entry 3", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_LastEntryRemoved_StillHolds()
    {
        // Truncation of the tail cannot be seen from the entries alone: the head's sequence is checked elsewhere.
        var chain = ChainOfFive();
        chain.RemoveAt(4);

        Assert.Null(AuditChain.Verify(chain));
    }

    [Fact]
    public void Verify_TwoEntriesSwapped_BreaksWhereTheOrderIsWrong()
    {
        var chain = ChainOfFive();
        (chain[2], chain[3]) = (chain[3], chain[2]);

        var broken = AuditChain.Verify(chain);

        Assert.Equal(4, broken?.Sequence);
        Assert.Contains("expected entry 3", broken!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeHash_TimeWithinTheSameMicrosecondOrAnotherOffset_SameHash()
    {
        var entry = ChainOfFive()[0];

        Assert.Equal(entry.Hash, AuditChain.ComputeHash(Copy(entry, at: entry.At.AddTicks(5))));
        Assert.Equal(entry.Hash, AuditChain.ComputeHash(Copy(entry, at: entry.At.ToOffset(TimeSpan.FromHours(7)))));
        Assert.NotEqual(entry.Hash, AuditChain.ComputeHash(Copy(entry, at: entry.At.AddTicks(10))));
    }

    [Fact]
    public void ComputeHash_TextMovedBetweenFields_DifferentHash()
    {
        var a = Seal(null, "ab", "c");
        var b = Seal(null, "a", "bc");

        Assert.NotEqual(a.Hash, b.Hash);
    }

    private static List<AuditEntry> ChainOfFive()
    {
        var chain = new List<AuditEntry>();
        AuditEntry? previous = null;
        string[] actions = ["person.create", "decision.sign", "person.read", "record.create", "decision.suspend"];
        for (var i = 0; i < actions.Length; i++)
        {
            previous = AuditChain.Seal(previous, Start.AddMinutes(i), Officer, "Trần Văn Cường", "ManagingOfficer", actions[i], "Person",
                Person.ToString(), Person, $$"""{"step":{{i}}}""");
            chain.Add(previous);
        }

        return chain;
    }

    private static AuditEntry Seal(AuditEntry? previous, string actorName, string actorRole) =>
        AuditChain.Seal(previous, Start, null, actorName, actorRole, "login.fail", "UserAccount", null, null, null);

    private static AuditEntry Altered(AuditEntry e, string field) => field switch
    {
        nameof(AuditEntry.Sequence) => Copy(e, sequence: e.Sequence + 10),
        nameof(AuditEntry.At) => Copy(e, at: e.At.AddSeconds(1)),
        nameof(AuditEntry.ActorId) => Copy(e, actorId: Guid.Empty),
        nameof(AuditEntry.ActorName) => Copy(e, actorName: "Someone Else"),
        nameof(AuditEntry.ActorRole) => Copy(e, actorRole: "SystemAdministrator"),
        nameof(AuditEntry.Action) => Copy(e, action: "person.update"),
        nameof(AuditEntry.EntityType) => Copy(e, entityType: "Device"),
        nameof(AuditEntry.EntityId) => Copy(e, entityId: "42"),
        nameof(AuditEntry.PersonId) => Copy(e, personId: Guid.Empty),
        nameof(AuditEntry.Details) => Copy(e, details: """{"step":99}"""),
        nameof(AuditEntry.PreviousHash) => Copy(e, previousHash: AuditChain.Genesis),
        nameof(AuditEntry.Hash) => Copy(e, hash: new string('0', 64)),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no such field"),
    };

    private static AuditEntry Copy(AuditEntry e, long? sequence = null, DateTimeOffset? at = null, Guid? actorId = null,
        string? actorName = null, string? actorRole = null, string? action = null, string? entityType = null, string? entityId = null,
        Guid? personId = null, string? details = null, string? previousHash = null, string? hash = null) => new()
        {
            Sequence = sequence ?? e.Sequence,
            At = at ?? e.At,
            ActorId = actorId ?? e.ActorId,
            ActorName = actorName ?? e.ActorName,
            ActorRole = actorRole ?? e.ActorRole,
            Action = action ?? e.Action,
            EntityType = entityType ?? e.EntityType,
            EntityId = entityId ?? e.EntityId,
            PersonId = personId ?? e.PersonId,
            Details = details ?? e.Details,
            PreviousHash = previousHash ?? e.PreviousHash,
            Hash = hash ?? e.Hash,
        };
}
