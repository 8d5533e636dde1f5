namespace Vigil.Domain.Hotspots;

public enum HotspotStatus
{
    Active,
    UnderReview,
    Retired,
}
