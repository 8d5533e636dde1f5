namespace Vigil.Domain.Requests;

public enum RequestKind
{
    TemporaryRemoval,
    PositionChange,
    ScopeChange,
    ResidenceChange,
    MalfunctionReport,
}
