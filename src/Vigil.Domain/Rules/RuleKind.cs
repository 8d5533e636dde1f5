namespace Vigil.Domain.Rules;

/// <summary>What an alert is about: the seven violations of the decree, then the other alerts.</summary>
public enum RuleKind
{
    /// <summary>Violation 1: destroying or affecting the normal operation of the device.</summary>
    Tamper,

    /// <summary>Violation 2: failing to wear the device.</summary>
    NotWorn,

    /// <summary>Violation 3: self-removing the device.</summary>
    SelfRemoval,

    /// <summary>Violation 4: letting the battery run out and not recharging within 24 hours.</summary>
    BatteryDepleted,

    /// <summary>Violation 5: leaving the registered area without reporting.</summary>
    OutsideArea,

    /// <summary>Violation 6: changing residence without notification (away at night, 3 nights in a row).</summary>
    ResidenceChangeUnreported,

    /// <summary>Violation 7: no arrival report to the new commune within 24 hours.</summary>
    ArrivalNotReported,

    HotspotEntry,
    Offline,
    OverdueReattachment,
    OverdueMalfunctionReport,

    /// <summary>An unusual gathering: at least 3 monitored people within 50 m of each other for 10 minutes, away from their own places.</summary>
    Gathering,

    /// <summary>Possible overdose: very low SpO2 for minutes, very slow or absent breathing with no motion. A life at risk: raised at once, also to medical responders.</summary>
    PossibleOverdose,

    /// <summary>Possible drug use: vitals far from the person's own baseline at rest. A flag for an officer to review, never a violation.</summary>
    PossibleDrugUse,
}

public static class RuleKindExtensions
{
    /// <summary>The violation number in the decree (1–7), or null for an alert that is not a violation by itself.</summary>
    public static int? ViolationNumber(this RuleKind rule) => rule <= RuleKind.ArrivalNotReported ? (int)rule + 1 : null;
}
