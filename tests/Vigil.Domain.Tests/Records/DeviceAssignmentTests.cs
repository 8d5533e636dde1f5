using Vigil.Domain.Records;
using Vigil.Domain.Rules;

namespace Vigil.Domain.Tests.Records;

public class DeviceAssignmentTests
{
    private static readonly DateTimeOffset AttachedAt = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Person = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Band = new("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid SpareBand = new("00000000-0000-0000-0000-0000000000b2");

    [Fact]
    public void Of_NoRecords_NoDevice()
    {
        Assert.Empty(DeviceAssignment.Of(Person, []));
    }

    [Fact]
    public void Of_AttachedStill_OpenSpan()
    {
        var spans = DeviceAssignment.Of(Person, [Record(RecordKind.Attachment, AttachedAt, Band)]);

        Assert.Equal([new DeviceAssignment(Band, Person, new TimeWindow(AttachedAt, null))], spans);
    }

    [Fact]
    public void Of_SwapThenCollection_OneSpanPerDevice()
    {
        var swappedAt = AttachedAt.AddDays(10);
        var collectedAt = AttachedAt.AddDays(20);

        var spans = DeviceAssignment.Of(Person, [
            Record(RecordKind.Attachment, AttachedAt, Band),
            Record(RecordKind.TemporaryRemoval, AttachedAt.AddDays(2), null),
            Record(RecordKind.Reattachment, AttachedAt.AddDays(3), null),
            Record(RecordKind.DeviceSwap, swappedAt, SpareBand),
            Record(RecordKind.Collection, collectedAt, SpareBand),
        ]);

        Assert.Equal(
        [
            new DeviceAssignment(Band, Person, new TimeWindow(AttachedAt, swappedAt)),
            new DeviceAssignment(SpareBand, Person, new TimeWindow(swappedAt, collectedAt)),
        ], spans);
    }

    [Fact]
    public void Of_CorrectedAttachment_CountsFromTheCorrection()
    {
        var wrong = Record(RecordKind.Attachment, AttachedAt, SpareBand);
        var corrected = new FormalRecord
        {
            PersonId = Person, Kind = RecordKind.Attachment, OccurredAt = AttachedAt.AddHours(1), RecordedAt = AttachedAt.AddHours(1),
            DeviceId = Band, CorrectsRecordId = wrong.Id,
        };

        var spans = DeviceAssignment.Of(Person, [wrong, corrected]);

        Assert.Equal([new DeviceAssignment(Band, Person, new TimeWindow(AttachedAt.AddHours(1), null))], spans);
    }

    [Fact]
    public void Of_AnotherPersonsRecords_Ignored()
    {
        var other = new FormalRecord { PersonId = Guid.NewGuid(), Kind = RecordKind.Attachment, OccurredAt = AttachedAt, RecordedAt = AttachedAt, DeviceId = Band };

        Assert.Empty(DeviceAssignment.Of(Person, [other]));
    }

    private static FormalRecord Record(RecordKind kind, DateTimeOffset at, Guid? device) => new()
    {
        PersonId = Person,
        Kind = kind,
        OccurredAt = at,
        RecordedAt = at,
        DeviceId = device,
    };
}
