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

    // The optional small values as plain fields with "none" kept in-band (-1, or long.MinValue for a seq): a nullable
    // field is twice its value's size or more, in every active actor (P6). The properties keep their nullable types.
    private long _lastSeq = long.MinValue;
    private Guid _hotspotCandidate;
    private int _night = -1;
    private int _lastJudgedNight = -1;
    private short _batteryPercent = -1;
    private short _lastNudgeLevel = -1;
    private sbyte _strap = -1;
    private sbyte _skinContact = -1;
    private sbyte _case = -1;

    /// <summary>The newest measurement time evaluated; older (late) messages are stored but not replayed.</summary>
    public DateTimeOffset? LastMeasuredAt { get => UtcTicks.ToInstant(_lastMeasuredAt); set => _lastMeasuredAt = UtcTicks.Of(value); }

    /// <summary>The seq of that newest message: one measured in the same second with a lower seq was sent before it, so it is late too.</summary>
    public long? LastSeq { get => _lastSeq == long.MinValue ? null : _lastSeq; set => _lastSeq = value ?? long.MinValue; }

    /// <summary>Server time of the last message, for "offline".</summary>
    public DateTimeOffset? LastReceivedAt { get => UtcTicks.ToInstant(_lastReceivedAt); set => _lastReceivedAt = UtcTicks.Of(value); }

    public Evidence? LastFix { get; set; }

    public int? BatteryPercent { get => _batteryPercent < 0 ? null : _batteryPercent; set => _batteryPercent = Small(value); }

    public bool Charging { get; set; }

    public DateTimeOffset? BatteryDepletedAt { get => UtcTicks.ToInstant(_batteryDepletedAt); set => _batteryDepletedAt = UtcTicks.Of(value); }

    /// <summary>The lowest battery nudge already sent in this discharge (reset by charging).</summary>
    public int? LastNudgeLevel { get => _lastNudgeLevel < 0 ? null : _lastNudgeLevel; set => _lastNudgeLevel = Small(value); }

    public StrapState? Strap { get => _strap < 0 ? null : (StrapState)_strap; set => _strap = value is { } v ? (sbyte)v : (sbyte)-1; }

    public bool? SkinContact { get => _skinContact < 0 ? null : _skinContact == 1; set => _skinContact = value is { } v ? (sbyte)(v ? 1 : 0) : (sbyte)-1; }

    public CaseState? Case { get => _case < 0 ? null : (CaseState)_case; set => _case = value is { } v ? (sbyte)v : (sbyte)-1; }

    public DateTimeOffset? OffBodySince { get => UtcTicks.ToInstant(_offBodySince); set => _offBodySince = UtcTicks.Of(value); }

    public DateTimeOffset? StrapOpenSince { get => UtcTicks.ToInstant(_strapOpenSince); set => _strapOpenSince = UtcTicks.Of(value); }

    public DateTimeOffset? NoFixMovingSince { get => UtcTicks.ToInstant(_noFixMovingSince); set => _noFixMovingSince = UtcTicks.Of(value); }

    public DateTimeOffset? OutsideSince { get => UtcTicks.ToInstant(_outsideSince); set => _outsideSince = UtcTicks.Of(value); }

    public int OutsideFixes { get; set; }

    public List<Evidence>? OutsideEvidence { get; set; }

    /// <summary>The hotspot being visited (the empty id, never a hotspot's, is kept as none).</summary>
    public Guid? HotspotCandidate { get => _hotspotCandidate == Guid.Empty ? null : _hotspotCandidate; set => _hotspotCandidate = value ?? Guid.Empty; }

    public int HotspotFixes { get; set; }

    public DateTimeOffset? HotspotLastAt { get => UtcTicks.ToInstant(_hotspotLastAt); set => _hotspotLastAt = UtcTicks.Of(value); }

    /// <summary>When the last tamper condition ended (measurement time): an older, late message showing it is not a new one.</summary>
    public DateTimeOffset? TamperEndedAt { get => UtcTicks.ToInstant(_tamperEndedAt); set => _tamperEndedAt = UtcTicks.Of(value); }

    /// <summary>Consecutive fixes clearly outside the hotspot being visited: leaving, like entering, is never judged on one fix.</summary>
    public int HotspotExitFixes { get; set; }

    public List<Evidence>? HotspotEvidence { get; set; }

    /// <summary>The night being counted (the Vietnam date on which it began) and its fixes.</summary>
    public DateOnly? Night { get => _night < 0 ? null : DateOnly.FromDayNumber(_night); set => _night = value?.DayNumber ?? -1; }

    public int NightFixes { get; set; }

    /// <summary>The last night judged: a fix of it that arrives after it was judged (late, or just past 05:00 by the device's clock) is not a new night.</summary>
    public DateOnly? LastJudgedNight { get => _lastJudgedNight < 0 ? null : DateOnly.FromDayNumber(_lastJudgedNight); set => _lastJudgedNight = value?.DayNumber ?? -1; }

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

    /// <summary>A battery percentage or nudge level (0–100) in a short; a value outside is refused, never wrapped.</summary>
    private static short Small(int? value) => value switch
    {
        null => -1,
        >= 0 and <= short.MaxValue => (short)value.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Expected none or 0–32767."),
    };
}

/// <summary>A condition that has raised its alert and not ended yet.</summary>
public sealed record OpenCondition(RuleKind Rule, DateTimeOffset Since, DateTimeOffset RaisedAt);
