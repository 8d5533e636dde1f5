namespace Vigil.Domain.Requests;

public enum RequestKind
{
    TemporaryRemoval,
    PositionChange,
    ScopeChange,
    ResidenceChange,
    MalfunctionReport,

    /// <summary>Travel outside the registered scope for a while (reported, so that leaving the area is not a violation).</summary>
    TravelReport,
}
