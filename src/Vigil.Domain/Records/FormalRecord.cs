namespace Vigil.Domain.Records;

/// <summary>
/// A formal record (biên bản): who, when, where, which device, which position, why. Immutable once made;
/// a mistake is put right by a later record whose <see cref="CorrectsRecordId"/> names the one it corrects.
/// </summary>
public sealed class FormalRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; init; }

    public RecordKind Kind { get; init; }

    /// <summary>When the act happened (may be earlier than it was recorded).</summary>
    public DateTimeOffset OccurredAt { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public Guid OfficerId { get; init; }

    /// <summary>The device concerned; for a swap, the new one.</summary>
    public Guid? DeviceId { get; init; }

    /// <summary>For a swap: the device taken off.</summary>
    public Guid? PreviousDeviceId { get; init; }

    public BodyPosition? Position { get; init; }

    public string? PlaceDescription { get; init; }

    public double? PlaceLat { get; init; }

    public double? PlaceLon { get; init; }

    public string? Reason { get; init; }

    /// <summary>For a temporary removal: when it is expected to end.</summary>
    public DateTimeOffset? ExpectedEnd { get; init; }

    public string? FromCommuneCode { get; init; }

    public string? ToCommuneCode { get; init; }

    /// <summary>The wearer's request this record carries out, if any.</summary>
    public Guid? RequestId { get; init; }

    public Guid? CorrectsRecordId { get; init; }

    /// <summary>The wearer acknowledged the record (signature on the paper form).</summary>
    public bool AcknowledgedByWearer { get; init; }

    public string? Notes { get; init; }
}
