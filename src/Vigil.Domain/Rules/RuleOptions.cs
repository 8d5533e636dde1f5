namespace Vigil.Domain.Rules;

/// <summary>The parameters of the rules; defaults are the decree's and DOMAIN.md's, and every one is configuration.</summary>
public sealed class RuleOptions
{
    /// <summary>Violation 5: how long a person must be confirmed outside every applicable zone.</summary>
    public TimeSpan OutsideDwell { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A fix must be this far beyond its own accuracy radius to count as outside (metres).</summary>
    public double OutsideMarginMeters { get; set; } = 10;

    /// <summary>Fixes less precise than this (metres) neither confirm nor clear a zone condition.</summary>
    public double MaxUsableAccuracyMeters { get; set; } = 500;

    /// <summary>Violation 2: off-body with the strap closed for longer than this.</summary>
    public TimeSpan NotWornDwell { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Violation 3: a strap reading "open" must persist this long (one glitching reading is not a removal).</summary>
    public TimeSpan StrapOpenConfirm { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Violations 2 and 3 are confirmed by time alone (the deadline sweep) only while the band's newest message is at
    /// most this old (two report intervals): a band that has gone quiet may be buffering, and the messages it
    /// uploads later decide by their own times (the silence itself is the Offline rule's). Without this, a burst
    /// raised "not worn" for bands put back on minutes after going out of coverage (P4's in-order check).
    /// </summary>
    public TimeSpan WearTimerFreshness { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Violation 4: after the battery runs out, the device must be charging or online again within this.</summary>
    public TimeSpan BatteryGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Battery levels (percent) at which the wearer is nudged, highest first.</summary>
    public IReadOnlyList<int> BatteryNudges { get; set; } = [20, 10, 5];

    /// <summary>Violation 6: the night window in Vietnam time and how many nights away in a row.</summary>
    public TimeOnly NightStart { get; set; } = new(22, 0);

    public TimeOnly NightEnd { get; set; } = new(5, 0);

    public int NightsAway { get; set; } = 3;

    /// <summary>A night counts (away or home) only with at least this many usable night fixes.</summary>
    public int MinimumNightFixes { get; set; } = 3;

    /// <summary>A night is "away" when at least this share of its usable fixes is outside the residence zone.</summary>
    public double NightAwayShare { get; set; } = 0.6;

    /// <summary>Violation 7: the arrival report is due this long after the departure was recorded.</summary>
    public TimeSpan ArrivalReportDeadline { get; set; } = TimeSpan.FromHours(24);

    /// <summary>No data for this long while monitored raises "offline".</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Hotspot entry needs this many consecutive fixes inside, no further apart than <see cref="HotspotConfirmWindow"/>.</summary>
    public int HotspotConfirmFixes { get; set; } = 2;

    public TimeSpan HotspotConfirmWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A self-diagnosed fault must be reported by the wearer within this.</summary>
    public TimeSpan MalfunctionReportDeadline { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Shielding: no fix for this long while the wrist is moving, on data that was buffered (network lost too).</summary>
    public TimeSpan ShieldingDwell { get; set; } = TimeSpan.FromMinutes(5);

    public double ShieldingActivity { get; set; } = 0.3;

    /// <summary>How long before a deadline (arrival report, reattachment) the wearer gets a reminder.</summary>
    public TimeSpan ReminderBefore { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Evidence kept per condition (the first and the most recent readings).</summary>
    public int MaxEvidence { get; set; } = 12;

    /// <summary>Possible overdose and the per-person baselines behind the "possible drug use" flag.</summary>
    public HealthOptions Health { get; set; } = new();
}
