namespace Vigil.Domain.Telemetry;

/// <summary>How the device found a position (wire values <c>gnss</c>, <c>wifi</c>, <c>cell</c>).</summary>
public enum FixSource
{
    Gnss,
    Wifi,
    Cell,
}
