using Vigil.Domain.Alerts;

namespace Vigil.Domain.Compliance;

/// <summary>What one person did in the window, as the rules and the records saw it.</summary>
/// <param name="Monitored">Time under an active decision with a device attached, in the window.</param>
/// <param name="Worn">Of that, time the device was on the body (skin contact).</param>
/// <param name="MonitoredDays">Calendar days with any monitoring.</param>
/// <param name="LowBatteryDays">Days on which the battery fell to 10 % or less.</param>
/// <param name="Depletions">Times the battery ran out.</param>
/// <param name="OutsideArea">Time outside every zone in force, not covered by an approved travel report.</param>
/// <param name="ConfirmedViolations">The severity of each violation an officer confirmed in the window.</param>
/// <param name="ReportsDue">Reports the person had to make in the window (arrival, malfunction, reattachment).</param>
/// <param name="ReportsOnTime">Of those, how many were made by their deadline.</param>
public sealed record ComplianceInputs(
    TimeSpan Monitored,
    TimeSpan Worn,
    int MonitoredDays,
    int LowBatteryDays,
    int Depletions,
    TimeSpan OutsideArea,
    IReadOnlyList<AlertSeverity> ConfirmedViolations,
    int ReportsDue,
    int ReportsOnTime);
