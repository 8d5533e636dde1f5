using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Rules;

/// <summary>
/// The server's picture of one worn device and the memory the rules keep between messages: last readings,
/// dwell timers, open conditions. Plain data, persisted by the device actor after each evaluation.
/// </summary>
public sealed class DeviceTwin
{
    /// <summary>The newest measurement time evaluated; older (late) messages are stored but not replayed.</summary>
    public DateTimeOffset? LastMeasuredAt { get; set; }

    /// <summary>The seq of that newest message: one measured in the same second with a lower seq was sent before it, so it is late too.</summary>
    public long? LastSeq { get; set; }

    /// <summary>Server time of the last message, for "offline".</summary>
    public DateTimeOffset? LastReceivedAt { get; set; }

    public Evidence? LastFix { get; set; }

    public int? BatteryPercent { get; set; }

    public bool Charging { get; set; }

    public DateTimeOffset? BatteryDepletedAt { get; set; }

    /// <summary>The lowest battery nudge already sent in this discharge (reset by charging).</summary>
    public int? LastNudgeLevel { get; set; }

    public StrapState? Strap { get; set; }

    public bool? SkinContact { get; set; }

    public CaseState? Case { get; set; }

    public DateTimeOffset? OffBodySince { get; set; }

    public DateTimeOffset? StrapOpenSince { get; set; }

    public DateTimeOffset? NoFixMovingSince { get; set; }

    public DateTimeOffset? OutsideSince { get; set; }

    public int OutsideFixes { get; set; }

    public List<Evidence>? OutsideEvidence { get; set; }

    public Guid? HotspotCandidate { get; set; }

    public int HotspotFixes { get; set; }

    public DateTimeOffset? HotspotLastAt { get; set; }

    /// <summary>When the last tamper condition ended (measurement time): an older, late message showing it is not a new one.</summary>
    public DateTimeOffset? TamperEndedAt { get; set; }

    /// <summary>Consecutive fixes clearly outside the hotspot being visited: leaving, like entering, is never judged on one fix.</summary>
    public int HotspotExitFixes { get; set; }

    public List<Evidence>? HotspotEvidence { get; set; }

    /// <summary>The night being counted (the Vietnam date on which it began) and its fixes.</summary>
    public DateOnly? Night { get; set; }

    public int NightFixes { get; set; }

    /// <summary>The last night judged: a fix of it that arrives after it was judged (late, or just past 05:00 by the device's clock) is not a new night.</summary>
    public DateOnly? LastJudgedNight { get; set; }

    public int NightAwayFixes { get; set; }

    public int NightsAwayInRow { get; set; }

    public List<Evidence>? NightEvidence { get; set; }

    public DateTimeOffset? FaultAt { get; set; }

    public string? FaultCode { get; set; }

    /// <summary>The deadlines the wearer has been nudged about, by what they are (e.g. "arrival:2026-11-23T…"), so each nudge goes once.</summary>
    public HashSet<string>? Nudged { get; set; }

    /// <summary>Overdose clocks, the person's vitals baseline and the arousal score.</summary>
    public HealthTwin Health { get; set; } = new();

    /// <summary>Conditions with an open alert, by key.</summary>
    public Dictionary<string, OpenCondition> Open { get; set; } = [];
}

/// <summary>A condition that has raised its alert and not ended yet.</summary>
public sealed record OpenCondition(RuleKind Rule, DateTimeOffset Since, DateTimeOffset RaisedAt);
