using Vigil.Domain.Rules;

namespace Vigil.Domain.Alerts;

/// <summary>How urgently an alert needs an officer; lists sort on it first. Declared most urgent first.</summary>
public enum AlertSeverity
{
    /// <summary>The device is being defeated (tampering, self-removal) or a life is at risk (possible overdose).</summary>
    Critical,

    /// <summary>A violation of the decree, or a known drug hotspot entered.</summary>
    High,

    /// <summary>Something to follow up that is not a violation by itself: offline, overdue reattachment or report.</summary>
    Medium,
}

public static class AlertSeverityExtensions
{
    /// <summary>
    /// The severity an alert of this rule opens with. Tamper and self-removal are critical because monitoring has
    /// stopped working, a possible overdose because a life is at risk; the other violations, hotspot entry and unusual
    /// gatherings are high; the rest (and the "possible drug use" flag, which is for review only) are follow-ups.
    /// </summary>
    public static AlertSeverity SeverityOf(this RuleKind rule) => rule switch
    {
        RuleKind.Tamper or RuleKind.SelfRemoval or RuleKind.PossibleOverdose => AlertSeverity.Critical,
        RuleKind.NotWorn or RuleKind.BatteryDepleted or RuleKind.OutsideArea or RuleKind.ResidenceChangeUnreported
            or RuleKind.ArrivalNotReported or RuleKind.HotspotEntry or RuleKind.Gathering => AlertSeverity.High,
        _ => AlertSeverity.Medium,
    };
}
