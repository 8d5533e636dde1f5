using Vigil.Domain.Compliance;

namespace Vigil.Server.Compliance;

/// <summary>How the compliance days are kept and what a tier asks of the device (configuration section "Compliance").</summary>
public sealed class ComplianceJobOptions
{
    /// <summary>How often the days still open to change are measured again and the scores recomputed (default 1 hour).</summary>
    public TimeSpan RecomputeEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many days back (today included) are measured again on every pass (default 3): alerts resolved and reports
    /// recorded late still change them. Older days are final; a day never measured is measured once.
    /// </summary>
    public int SettleDays { get; set; } = 3;

    /// <summary>
    /// How many people a pass measures and scores at a time (default 1,000): the first pass on a store measures every
    /// kept day of everyone, and one batch's rows are what it holds at once.
    /// </summary>
    public int PeoplePerBatch { get; set; } = 1_000;

    /// <summary>The reporting interval, in seconds, the device is told to keep in each tier (the protocol's 30–60 s band).</summary>
    public int GoodIntervalSeconds { get; set; } = 60;

    public int WatchIntervalSeconds { get; set; } = 45;

    public int AttentionIntervalSeconds { get; set; } = 30;

    /// <summary>The interval of a tier; a person not scored yet reports as in the good tier.</summary>
    public int IntervalOf(ComplianceTier? tier) => tier switch
    {
        null or ComplianceTier.Good => GoodIntervalSeconds,
        ComplianceTier.Watch => WatchIntervalSeconds,
        _ => AttentionIntervalSeconds,
    };
}
