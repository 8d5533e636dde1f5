using Vigil.Simulator.GeoLife;

namespace Vigil.Simulator.Tests.GeoLife;

/// <summary>A test on the real GeoLife tracks: skipped, saying where they were looked for, when the data is not on this machine.</summary>
public sealed class GeoLifeFactAttribute : FactAttribute
{
    public GeoLifeFactAttribute()
    {
        if (GeoLifeTrack.FindData() is null)
        {
            Skip = "GeoLife data not found: set VIGIL_GEOLIFE, or keep shared/data/geolife beside the repository (../shared/data/geolife). It is never copied into the repository.";
        }
    }
}
