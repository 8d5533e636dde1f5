using Vigil.Domain.Telemetry;
using Vigil.Domain.Time;

namespace Vigil.Domain.Rules;

/// <summary>
/// The server's picture of one worn device and the memory the rules keep between messages: last readings,
/// dwell timers, open conditions. Plain data, persisted by the device actor after each evaluation.
/// </summary>
public sealed class DeviceTwin
{
    // The instants as UTC ticks (see UtcTicks): a third of the size of DateTimeOffset? fields in every active actor.
    private long _lastMeasuredAt;
    private long _lastReceivedAt;
    private long _batteryDepletedAt;
    private long _offBodySince;
    private long _strapOpenSince;
    private long _noFixMovingSince;
    private long _outsideSince;
    private long _hotspotLastAt;
    private long _tamperEndedAt;
    private long _faultAt;

    /// <summary>The newest measurement time evaluated; older (late) messages are stored but not replayed.</summary>
    public DateTimeOffset? LastMeasuredAt { get => UtcTicks.ToInstant(_lastMeasuredAt); set => _lastMeasuredAt = UtcTicks.Of(value); }

    /// <summary>The seq of that newest message: one measured in the same second with a lower seq was sent before it, so it is late too.</summary>
    public long? LastSeq { get; set; }

    /// <summary>Server time of the last message, for "offline".</summary>
    public DateTimeOffset? LastReceivedAt { get => UtcTicks.ToInstant(_lastReceivedAt); set => _lastReceivedAt = UtcTicks.Of(value); }

    public Evidence? LastFix { get; set; }

    public int? BatteryPercent { get; set; }

    public bool Charging { get; set; }

    public DateTimeOffset? BatteryDepletedAt { get => UtcTicks.ToInstant(_batteryDepletedAt); set => _batteryDepletedAt = UtcTicks.Of(value); }

    /// <summary>The lowest battery nudge already sent in this discharge (reset by charging).</summary>
    public int? LastNudgeLevel { get; set; }

    public StrapState? Strap { get; set; }

    public bool? SkinContact { get; set; }

    public CaseState? Case { get; set; }

    public DateTimeOffset? OffBodySince { get => UtcTicks.ToInstant(_offBodySince); set => _offBodySince = UtcTicks.Of(value); }

    public DateTimeOffset? StrapOpenSince { get => UtcTicks.ToInstant(_strapOpenSince); set => _strapOpenSince = UtcTicks.Of(value); }

    public DateTimeOffset? NoFixMovingSince { get => UtcTicks.ToInstant(_noFixMovingSince); set => _noFixMovingSince = UtcTicks.Of(value); }

    public DateTimeOffset? OutsideSince { get => UtcTicks.ToInstant(_outsideSince); set => _outsideSince = UtcTicks.Of(value); }

    public int OutsideFixes { get; set; }

    public List<Evidence>? OutsideEvidence { get; set; }

    public Guid? HotspotCandidate { get; set; }

    public int HotspotFixes { get; set; }

    public DateTimeOffset? HotspotLastAt { get => UtcTicks.ToInstant(_hotspotLastAt); set => _hotspotLastAt = UtcTicks.Of(value); }

    /// <summary>When the last tamper condition ended (measurement time): an older, late message showing it is not a new one.</summary>
    public DateTimeOffset? TamperEndedAt { get => UtcTicks.ToInstant(_tamperEndedAt); set => _tamperEndedAt = UtcTicks.Of(value); }

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

    public DateTimeOffset? FaultAt { get => UtcTicks.ToInstant(_faultAt); set => _faultAt = UtcTicks.Of(value); }

    public string? FaultCode { get; set; }

    /// <summary>The deadlines the wearer has been nudged about, by what they are (e.g. "arrival:2026-11-23T…"), so each nudge goes once.</summary>
    public HashSet<string>? Nudged { get; set; }

    /// <summary>Overdose clocks, the person's vitals baseline and the arousal score.</summary>
    public HealthTwin Health { get; set; } = new();

    /// <summary>Conditions with an open alert, by key; null while there is none (most actors, most of the time: P6).</summary>
    public Dictionary<string, OpenCondition>? Open { get; set; }

    public bool IsOpen(string key) => Open?.ContainsKey(key) == true;
}

/// <summary>A condition that has raised its alert and not ended yet.</summary>
public sealed record OpenCondition(RuleKind Rule, DateTimeOffset Since, DateTimeOffset RaisedAt);
