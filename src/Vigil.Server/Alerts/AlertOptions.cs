namespace Vigil.Server.Alerts;

/// <summary>Alert handling settings (configuration section "Alerts").</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>An alert still unacknowledged this long after it was raised escalates to the province (default 30 minutes).</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the escalator looks for alerts that are due (default every minute).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}
