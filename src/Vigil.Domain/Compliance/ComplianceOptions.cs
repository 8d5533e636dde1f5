namespace Vigil.Domain.Compliance;

/// <summary>How the compliance score weighs its parts and where the tiers begin (configuration section "Compliance").</summary>
public sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>The rolling window the score looks back over (default 30 days).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Weights of the parts (points out of their sum, scaled to 100). Defaults: wear 30, charging 15, zones 25, violations 20, reports 10.</summary>
    public double WearWeight { get; set; } = 30;

    public double ChargingWeight { get; set; } = 15;

    public double ZoneWeight { get; set; } = 25;

    public double ViolationWeight { get; set; } = 20;

    public double ReportWeight { get; set; } = 10;

    /// <summary>Share of the violations part one confirmed violation takes away, by severity (critical 60 %, high 35 %, medium 15 %).</summary>
    public double CriticalViolationPenalty { get; set; } = 0.60;

    public double HighViolationPenalty { get; set; } = 0.35;

    public double MediumViolationPenalty { get; set; } = 0.15;

    /// <summary>Time outside every zone at which the zone part reaches 0 (default 24 hours in the window).</summary>
    public TimeSpan OutsideForZero { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A score at or above this is "good" (default 80) …</summary>
    public int GoodFrom { get; set; } = 80;

    /// <summary>… at or above this "watch" (default 50); below it "attention": the officer's first call.</summary>
    public int WatchFrom { get; set; } = 50;
}
