namespace Vigil.Domain.Telemetry;

/// <summary>The case tamper switch (wire values <c>closed</c>, <c>open</c>).</summary>
public enum CaseState
{
    Closed,
    Open,
}
