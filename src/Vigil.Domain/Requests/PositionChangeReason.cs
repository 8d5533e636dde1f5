namespace Vigil.Domain.Requests;

public enum PositionChangeReason
{
    /// <summary>Allowed only once the device has been worn one month in its current position.</summary>
    Comfort,
    Medical,
}
