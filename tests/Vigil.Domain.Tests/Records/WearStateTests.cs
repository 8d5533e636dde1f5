using Vigil.Domain.Records;

namespace Vigil.Domain.Tests.Records;

public class WearStateTests
{
    private static readonly DateTimeOffset AttachedAt = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Band = new("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid SpareBand = new("00000000-0000-0000-0000-0000000000b2");

    [Fact]
    public void From_NoRecords_None()
    {
        var state = WearState.From([]);

        Assert.Equal(WearState.None, state);
        Assert.False(state.Attached);
    }

    [Fact]
    public void From_Attachment_DevicePositionAndSince()
    {
        var state = WearState.From([Attachment(AttachedAt, BodyPosition.LeftWrist)]);

        Assert.Equal(new WearState(Band, BodyPosition.LeftWrist, AttachedAt, false, null), state);
        Assert.True(state.Attached);
    }

    [Fact]
    public void From_TemporaryRemoval_OffUntilExpectedEndKeepingDevice()
    {
        var expectedEnd = AttachedAt.AddDays(3);

        var state = WearState.From([
            Attachment(AttachedAt, BodyPosition.LeftWrist),
            Record(RecordKind.TemporaryRemoval, AttachedAt.AddDays(1), expectedEnd: expectedEnd),
        ]);

        Assert.True(state.TemporarilyRemoved);
        Assert.False(state.Attached);
        Assert.Equal(expectedEnd, state.ExpectedReattachment);
        Assert.Equal(Band, state.DeviceId);
        Assert.Equal(BodyPosition.LeftWrist, state.Position);
    }

    [Fact]
    public void From_ReattachmentInSamePosition_KeepsPositionSince()
    {
        var state = WearState.From([
            Attachment(AttachedAt, BodyPosition.LeftWrist),
            Record(RecordKind.TemporaryRemoval, AttachedAt.AddDays(1), expectedEnd: AttachedAt.AddDays(3)),
            Record(RecordKind.Reattachment, AttachedAt.AddDays(2), position: BodyPosition.LeftWrist),
        ]);

        Assert.Equal(new WearState(Band, BodyPosition.LeftWrist, AttachedAt, false, null), state);
    }

    [Fact]
    public void From_ReattachmentWithoutPosition_KeepsPosition()
    {
        var state = WearState.From([
            Attachment(AttachedAt, BodyPosition.RightAnkle),
            Record(RecordKind.TemporaryRemoval, AttachedAt.AddDays(1)),
            Record(RecordKind.Reattachment, AttachedAt.AddDays(2)),
        ]);

        Assert.Equal(new WearState(Band, BodyPosition.RightAnkle, AttachedAt, false, null), state);
    }

    [Fact]
    public void From_ReattachmentInOtherPosition_PositionSinceIsReattachment()
    {
        var reattachedAt = AttachedAt.AddDays(2);

        var state = WearState.From([
            Attachment(AttachedAt, BodyPosition.LeftWrist),
            Record(RecordKind.TemporaryRemoval, AttachedAt.AddDays(1)),
            Record(RecordKind.Reattachment, reattachedAt, position: BodyPosition.RightAnkle),
        ]);

        Assert.Equal(new WearState(Band, BodyPosition.RightAnkle, reattachedAt, false, null), state);
    }

    [Fact]
    public void From_PositionChange_UpdatesPositionAndSince()
    {
        var changedAt = AttachedAt.AddMonths(1);

        var state = WearState.From([
            Attachment(AttachedAt, BodyPosition.LeftWrist),
            Record(RecordKind.PositionChange, changedAt, position: BodyPosition.RightWrist),
        ]);

        Assert.Equal(BodyPosition.RightWrist, state.Position);
        Assert.Equal(changedAt, state.PositionSince);
        Assert.Equal(Band, state.DeviceId);
    }

    [Fact]
    public void From_DeviceSwapInSamePosition_NewDeviceSamePositionSince()
    {
        var state = WearState.From([
            Attachment(AttachedAt, BodyPosition.LeftWrist),
            Record(RecordKind.DeviceSwap, AttachedAt.AddDays(10), device: SpareBand, position: BodyPosition.LeftWrist),
        ]);

        Assert.Equal(new WearState(SpareBand, BodyPosition.LeftWrist, AttachedAt, false, null), state);
    }

    [Fact]
    public void From_DeviceSwapWithoutPosition_KeepsPosition()
    {
        var state = WearState.From([
            Attachment(AttachedAt, BodyPosition.LeftAnkle),
            Record(RecordKind.DeviceSwap, AttachedAt.AddDays(10), device: SpareBand),
        ]);

        Assert.Equal(new WearState(SpareBand, BodyPosition.LeftAnkle, AttachedAt, false, null), state);
    }

    // Regression: a swap that put the new device on another limb kept the old PositionSince, so a comfort
    // position change could be requested at once.
    [Fact]
    public void From_DeviceSwapToOtherPosition_PositionSinceIsSwap()
    {
        var swappedAt = AttachedAt.AddDays(10);

        var state = WearState.From([
            Attachment(AttachedAt, BodyPosition.LeftWrist),
            Record(RecordKind.DeviceSwap, swappedAt, device: SpareBand, position: BodyPosition.RightWrist),
        ]);

        Assert.Equal(new WearState(SpareBand, BodyPosition.RightWrist, swappedAt, false, null), state);
    }

    [Fact]
    public void From_Collection_ResetsToNone()
    {
        var state = WearState.From([
            Attachment(AttachedAt, BodyPosition.LeftWrist),
            Record(RecordKind.TemporaryRemoval, AttachedAt.AddDays(1), expectedEnd: AttachedAt.AddDays(2)),
            Record(RecordKind.Collection, AttachedAt.AddDays(2)),
        ]);

        Assert.Equal(WearState.None, state);
    }

    [Fact]
    public void From_AttachmentAfterCollection_StartsAfresh()
    {
        var againAt = AttachedAt.AddMonths(2);

        var state = WearState.From([
            Attachment(AttachedAt, BodyPosition.LeftWrist),
            Record(RecordKind.Collection, AttachedAt.AddMonths(1)),
            Attachment(againAt, BodyPosition.LeftWrist, SpareBand),
        ]);

        Assert.Equal(new WearState(SpareBand, BodyPosition.LeftWrist, againAt, false, null), state);
    }

    [Fact]
    public void From_CorrectedAttachment_ReplacedByItsCorrection()
    {
        var wrong = Attachment(AttachedAt, BodyPosition.LeftWrist);
        var correction = new FormalRecord
        {
            Kind = RecordKind.Attachment,
            OccurredAt = AttachedAt,
            RecordedAt = AttachedAt.AddDays(1),
            DeviceId = Band,
            Position = BodyPosition.RightWrist,
            CorrectsRecordId = wrong.Id,
        };

        var state = WearState.From([wrong, correction]);

        Assert.Equal(new WearState(Band, BodyPosition.RightWrist, AttachedAt, false, null), state);
    }

    [Fact]
    public void From_CorrectedRemovalEnd_CorrectionsExpectedEndCounts()
    {
        var removal = Record(RecordKind.TemporaryRemoval, AttachedAt.AddDays(1), expectedEnd: AttachedAt.AddDays(30));
        var correction = new FormalRecord
        {
            Kind = RecordKind.TemporaryRemoval,
            OccurredAt = removal.OccurredAt,
            RecordedAt = removal.RecordedAt.AddHours(1),
            ExpectedEnd = AttachedAt.AddDays(3),
            CorrectsRecordId = removal.Id,
        };

        // The correction is listed first: order in the list must not matter.
        var state = WearState.From([correction, Attachment(AttachedAt, BodyPosition.LeftWrist), removal]);

        Assert.Equal(AttachedAt.AddDays(3), state.ExpectedReattachment);
    }

    [Fact]
    public void From_RecordsGivenOutOfOrder_FoldedInTheOrderTheyHappened()
    {
        var state = WearState.From([
            Record(RecordKind.Reattachment, AttachedAt.AddDays(2), position: BodyPosition.LeftAnkle),
            Record(RecordKind.TemporaryRemoval, AttachedAt.AddDays(1)),
            Attachment(AttachedAt, BodyPosition.LeftWrist),
        ]);

        Assert.Equal(new WearState(Band, BodyPosition.LeftAnkle, AttachedAt.AddDays(2), false, null), state);
    }

    [Fact]
    public void From_SameOccurredAt_OrderedByRecordedAt()
    {
        var at = AttachedAt.AddDays(1);
        var removal = new FormalRecord { Kind = RecordKind.TemporaryRemoval, OccurredAt = at, RecordedAt = at.AddMinutes(5) };
        var reattachment = new FormalRecord { Kind = RecordKind.Reattachment, OccurredAt = at, RecordedAt = at.AddMinutes(10) };

        var state = WearState.From([reattachment, removal, Attachment(AttachedAt, BodyPosition.LeftWrist)]);

        Assert.False(state.TemporarilyRemoved);
    }

    [Theory]
    [InlineData(RecordKind.Warning)]
    [InlineData(RecordKind.MalfunctionReport)]
    [InlineData(RecordKind.ResidenceDeparture)]
    [InlineData(RecordKind.ResidenceArrival)]
    public void From_RecordsNotAboutWearing_Ignored(RecordKind kind)
    {
        var state = WearState.From([
            Attachment(AttachedAt, BodyPosition.LeftWrist),
            Record(kind, AttachedAt.AddDays(1), device: SpareBand, position: BodyPosition.RightAnkle),
        ]);

        Assert.Equal(new WearState(Band, BodyPosition.LeftWrist, AttachedAt, false, null), state);
    }

    private static FormalRecord Attachment(DateTimeOffset at, BodyPosition position, Guid? device = null) =>
        Record(RecordKind.Attachment, at, device: device ?? Band, position: position);

    private static FormalRecord Record(RecordKind kind, DateTimeOffset at, Guid? device = null, BodyPosition? position = null,
        DateTimeOffset? expectedEnd = null) => new()
        {
            Kind = kind,
            OccurredAt = at,
            RecordedAt = at.AddMinutes(30),
            DeviceId = device,
            Position = position,
            ExpectedEnd = expectedEnd,
        };
}
