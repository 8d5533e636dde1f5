namespace Vigil.Domain.Records;

public enum RecordKind
{
    Attachment,
    TemporaryRemoval,
    Reattachment,
    PositionChange,
    DeviceSwap,

    /// <summary>The device is collected at the end of monitoring and returned to stock.</summary>
    Collection,
    ResidenceDeparture,
    ResidenceArrival,
    MalfunctionReport,
    Warning,
}
