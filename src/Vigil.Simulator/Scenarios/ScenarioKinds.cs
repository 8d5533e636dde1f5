namespace Vigil.Simulator.Scenarios;

/// <summary>The scenarios a person can be given; each injects incidents and writes its ground truth.</summary>
public static class ScenarioKinds
{
    public const string CaseOpened = "tamper-case-opened";
    public const string StrapCut = "tamper-strap-cut";
    public const string IntegrityFault = "tamper-integrity";
    public const string Shielding = "tamper-shielding";
    public const string NotWorn = "not-worn";
    public const string SelfRemoval = "self-removal";
    public const string BatteryDepleted = "battery-depleted";
    public const string BatteryRecharged = "battery-recharged-in-time";
    public const string LeftArea = "left-area";
    public const string ShortExit = "short-exit";
    public const string ApprovedTravel = "approved-travel";
    public const string NightsAway = "nights-away";
    public const string TwoNightsAway = "two-nights-away";
    public const string NightsAwayReported = "nights-away-reported";
    public const string ArrivalNotReported = "arrival-not-reported";
    public const string ArrivalReported = "arrival-reported";
    public const string HotspotVisit = "hotspot-visit";
    public const string ApprovedRemoval = "approved-removal";
    public const string Suspension = "suspension";
    public const string Overdose = "overdose";
    public const string Stress = "stress";
    public const string FaultUnreported = "device-fault-unreported";
    public const string FaultReported = "device-fault-reported";
    public const string Gathering = "gathering";
    public const string Offline = "offline";
    public const string Ordinary = "ordinary";

    /// <summary>One of each, dealt round the people in this order (gatherings take three to five people at once).</summary>
    public static IReadOnlyList<string> Deck { get; } =
    [
        CaseOpened, NotWorn, LeftArea, HotspotVisit, SelfRemoval, BatteryDepleted, NightsAway, ArrivalNotReported,
        Shielding, StrapCut, IntegrityFault, Overdose, Stress, FaultUnreported, Gathering,
        ShortExit, ApprovedTravel, ApprovedRemoval, Suspension, BatteryRecharged, TwoNightsAway, NightsAwayReported,
        ArrivalReported, FaultReported, Ordinary,
    ];
}
