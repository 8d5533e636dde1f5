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

    /// <summary>A violation of the decree, confirmed by an officer when resolving the alert that raised it.</summary>
    Violation,
}
