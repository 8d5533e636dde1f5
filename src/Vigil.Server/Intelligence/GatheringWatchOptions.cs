namespace Vigil.Server.Intelligence;

/// <summary>How often the gathering detector runs (configuration section "Gatherings", beside the detector's own thresholds).</summary>
public sealed class GatheringWatchOptions
{
    /// <summary>Evaluate everyone's latest positions this often (default every minute).</summary>
    public TimeSpan EvaluateEvery { get; set; } = TimeSpan.FromMinutes(1);
}
