using Vigil.Domain.Compliance;

namespace Vigil.Server.Compliance;

/// <summary>One person's measured Vietnam day (<see cref="ComplianceDay"/>), stored so that the rolling score is a sum of rows.</summary>
public sealed class ComplianceDayRow
{
    public Guid PersonId { get; init; }

    public DateOnly Date { get; init; }

    public long MonitoredSeconds { get; set; }

    public long WornSeconds { get; set; }

    public bool LowBattery { get; set; }

    public int Depletions { get; set; }

    public long OutsideSeconds { get; set; }

    public int CriticalViolations { get; set; }

    public int HighViolations { get; set; }

    public int MediumViolations { get; set; }

    public int ReportsDue { get; set; }

    public int ReportsOnTime { get; set; }

    /// <summary>When the day was last measured; a day measured after it ended (plus the settling time) is final.</summary>
    public DateTimeOffset MeasuredAt { get; set; }

    public ComplianceDay ToDay() => new(Date, TimeSpan.FromSeconds(MonitoredSeconds), TimeSpan.FromSeconds(WornSeconds), LowBattery, Depletions,
        TimeSpan.FromSeconds(OutsideSeconds), CriticalViolations, HighViolations, MediumViolations, ReportsDue, ReportsOnTime);

    public void Set(ComplianceDay day, DateTimeOffset now)
    {
        MonitoredSeconds = (long)day.Monitored.TotalSeconds;
        WornSeconds = (long)day.Worn.TotalSeconds;
        LowBattery = day.LowBattery;
        Depletions = day.Depletions;
        OutsideSeconds = (long)day.OutsideArea.TotalSeconds;
        CriticalViolations = day.CriticalViolations;
        HighViolations = day.HighViolations;
        MediumViolations = day.MediumViolations;
        ReportsDue = day.ReportsDue;
        ReportsOnTime = day.ReportsOnTime;
        MeasuredAt = now;
    }
}
