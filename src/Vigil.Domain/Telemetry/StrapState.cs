namespace Vigil.Domain.Telemetry;

/// <summary>The strap circuit (wire values <c>closed</c>, <c>open</c>, <c>cut</c>).</summary>
public enum StrapState
{
    Closed,
    Open,
    Cut,
}
