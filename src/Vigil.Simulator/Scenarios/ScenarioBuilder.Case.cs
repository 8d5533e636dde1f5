using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;
using Vigil.Simulator.Model;

namespace Vigil.Simulator.Scenarios;

/// <summary>The scenarios that are about the band and the case: battery, suspension, malfunctions.</summary>
public sealed partial class ScenarioBuilder
{
    private void Battery(SimulatedPerson p, bool abandoned)
    {
        // From 8 % at 08:00 on day 1 with no charging, the band dies within hours; it is charged again after 40 h
        // (a violation: more than 24 h flat) or after 18 h (in time). The labels' times are fixed after the run,
        // when the simulated band has said when it died (see QualityHarness).
        var t = Local(1, 8);
        var chargedAt = t.AddHours(abandoned ? 40 : 18);
        p.Incidents.BatteryLevels.Add((t, 8));
        p.Incidents.NoCharging.Add(new TimeWindow(t, chargedAt));
        p.Incidents.Charging.Add(new TimeWindow(chargedAt, chargedAt.AddHours(5)));
        Label(p, abandoned ? ScenarioKinds.BatteryDepleted : ScenarioKinds.BatteryRecharged, RuleKind.BatteryDepleted, abandoned, t, t.AddHours(24), chargedAt,
            abandoned ? "battery ran flat and the band stayed off for over 24 hours" : "battery ran flat and was charged again within 24 hours");
    }

    private void Suspension(SimulatedPerson p)
    {
        // Held for investigation for two days: monitoring suspended, the band taken off and kept charged at the station.
        var t = Local(1, 9);
        var resumed = t.AddHours(48);
        p.Case.ChangeAt(t, c => c with { Monitored = TimeWindows.Intersect(c.Monitored, [new TimeWindow(DateTimeOffset.MinValue, t), new TimeWindow(resumed, null)]) });
        p.Incidents.Wear.Add(new WearSpell(t.AddMinutes(20), resumed.AddHours(-1), StrapState.Open, false, CaseState.Closed));
        p.Incidents.Charging.Add(new TimeWindow(t.AddHours(1), resumed.AddHours(-1)));
        Label(p, ScenarioKinds.Suspension, null, false, t, t, resumed, "monitoring suspended for two days (temporary detention), band removed");
    }

    private void Fault(SimulatedPerson p, bool reported)
    {
        foreach (var t in Daytime().Take(1))
        {
            p.Incidents.Events.Add((t, "fault:gps_module"));
            p.Incidents.NoFix.Add(new TimeWindow(t, t.AddHours(5)));
            if (reported)
            {
                var at = t.AddHours(3);
                p.Case.ChangeAt(at, c => c with { MalfunctionReports = [.. c.MalfunctionReports, at] });
                Label(p, ScenarioKinds.FaultReported, RuleKind.OverdueMalfunctionReport, false, t, t.AddHours(24), at, "GPS module fault, reported by the wearer 3 hours later");
            }
            else
            {
                Label(p, ScenarioKinds.FaultUnreported, RuleKind.OverdueMalfunctionReport, true, t, t.AddHours(24), t.AddHours(24), "GPS module fault, never reported");
            }
        }
    }
}
