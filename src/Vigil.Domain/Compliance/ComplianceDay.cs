using Vigil.Domain.Alerts;

namespace Vigil.Domain.Compliance;

/// <summary>
/// What one person did on one Vietnam calendar day, the unit the score is kept in: a day is measured once (and again
/// while it can still change), and the rolling score is the sum of its days, so no request rescans 30 days of history.
/// </summary>
/// <param name="Date">The Vietnam calendar day.</param>
/// <param name="Monitored">Time a device was on the person by the formal records.</param>
/// <param name="Worn">Of that, time not covered by a "not worn" or "self-removal" alert that stood.</param>
/// <param name="LowBattery">The battery fell to 10 % or less.</param>
/// <param name="Depletions">Times the battery ran out.</param>
/// <param name="OutsideArea">Time outside the registered area by "outside area" alerts that stood.</param>
/// <param name="CriticalViolations">Violations confirmed on the day, by the severity of the alert that raised them.</param>
/// <param name="HighViolations">See <paramref name="CriticalViolations"/>.</param>
/// <param name="MediumViolations">See <paramref name="CriticalViolations"/>.</param>
/// <param name="ReportsDue">Reports that fell due: made on time, or overdue.</param>
/// <param name="ReportsOnTime">Of those, made by their deadline.</param>
public sealed record ComplianceDay(
    DateOnly Date,
    TimeSpan Monitored,
    TimeSpan Worn,
    bool LowBattery,
    int Depletions,
    TimeSpan OutsideArea,
    int CriticalViolations,
    int HighViolations,
    int MediumViolations,
    int ReportsDue,
    int ReportsOnTime)
{
    /// <summary>The window's inputs: the sum of its days (a day with no monitoring adds nothing).</summary>
    public static ComplianceInputs Sum(IEnumerable<ComplianceDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var list = days.Where(d => d.Monitored > TimeSpan.Zero).ToList();
        var violations = list.SelectMany(d => Enumerable.Repeat(AlertSeverity.Critical, d.CriticalViolations)
            .Concat(Enumerable.Repeat(AlertSeverity.High, d.HighViolations))
            .Concat(Enumerable.Repeat(AlertSeverity.Medium, d.MediumViolations))).ToList();
        return new ComplianceInputs(
            new TimeSpan(list.Sum(d => d.Monitored.Ticks)),
            new TimeSpan(list.Sum(d => d.Worn.Ticks)),
            list.Count,
            list.Count(d => d.LowBattery),
            list.Sum(d => d.Depletions),
            new TimeSpan(list.Sum(d => d.OutsideArea.Ticks)),
            violations,
            list.Sum(d => d.ReportsDue),
            list.Sum(d => d.ReportsOnTime));
    }
}
