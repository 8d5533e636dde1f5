namespace Vigil.Domain.Records;

/// <summary>
/// What the formal records say about the device on a person now: which device, where on the body, since
/// when, and whether it is temporarily off. Folded from the records in the order they happened; a record
/// superseded by a correction counts only through its correction.
/// </summary>
public sealed record WearState(Guid? DeviceId, BodyPosition? Position, DateTimeOffset? PositionSince, bool TemporarilyRemoved, DateTimeOffset? ExpectedReattachment)
{
    public static readonly WearState None = new(null, null, null, false, null);

    public bool Attached => DeviceId is not null && !TemporarilyRemoved;

    public static WearState From(IEnumerable<FormalRecord> records)
    {
        var list = records.ToList();
        var corrected = list.Where(r => r.CorrectsRecordId is not null).Select(r => r.CorrectsRecordId!.Value).ToHashSet();
        var state = None;
        foreach (var record in list.Where(r => !corrected.Contains(r.Id)).OrderBy(r => r.OccurredAt).ThenBy(r => r.RecordedAt))
        {
            state = state.Apply(record);
        }

        return state;
    }

    public WearState Apply(FormalRecord record) => record.Kind switch
    {
        RecordKind.Attachment => new(record.DeviceId, record.Position, record.OccurredAt, false, null),
        RecordKind.TemporaryRemoval => this with { TemporarilyRemoved = true, ExpectedReattachment = record.ExpectedEnd },
        RecordKind.Reattachment => this with
        {
            TemporarilyRemoved = false,
            ExpectedReattachment = null,
            Position = record.Position ?? Position,
            PositionSince = record.Position is { } p && p != Position ? record.OccurredAt : PositionSince,
        },
        RecordKind.PositionChange => this with { Position = record.Position, PositionSince = record.OccurredAt },
        RecordKind.DeviceSwap => this with
        {
            DeviceId = record.DeviceId,
            Position = record.Position ?? Position,
            PositionSince = record.Position is { } p && p != Position ? record.OccurredAt : PositionSince,
        },
        RecordKind.Collection => None,
        _ => this,
    };
}
