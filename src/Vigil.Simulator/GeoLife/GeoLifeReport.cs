using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Simulator.GeoLife;

/// <summary>One GeoLife person replayed: how much real movement, the area drawn, the departures injected and the zone alerts.</summary>
public sealed record GeoLifeUserResult(
    string User,
    int Fixes,
    int Messages,
    double SpanDays,
    double RecordedHours,
    double AreaRadiusMeters,
    bool HasDayPlace,
    int DeparturesInjected,
    int DeparturesCaught,
    double? MedianDelaySeconds,
    int FalseZoneAlerts,
    int BeyondAreaAlerts,
    IReadOnlyList<string> FalseExamples);

/// <summary>D3: false zone alerts per person-week on real movement, and injected departures caught.</summary>
public sealed record GeoLifeReport(IReadOnlyList<GeoLifeUserResult> Users, double PersonWeeks, int FalseZoneAlerts, double FalseZoneAlertsPerPersonWeek,
    int BeyondAreaAlerts, int DeparturesInjected, int DeparturesCaught)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public double DeparturesCaughtShare => DeparturesInjected == 0 ? 0 : (double)DeparturesCaught / DeparturesInjected;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public IReadOnlyList<string> Failures(double maxFalsePerPersonWeek, double minCaught)
    {
        var failures = new List<string>();
        if (FalseZoneAlertsPerPersonWeek > maxFalsePerPersonWeek)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"false zone alerts per person-week {FalseZoneAlertsPerPersonWeek:0.00} is above {maxFalsePerPersonWeek:0.00}"));
        }

        if (DeparturesCaughtShare < minCaught)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"departures caught {DeparturesCaught}/{DeparturesInjected} is below {minCaught:P0}"));
        }

        return failures;
    }

    public string ToTable()
    {
        var s = new StringBuilder();
        s.AppendLine("| user | fixes | messages | span (days) | recorded (h) | area radius | day place | departures caught | median delay | false zone alerts | beyond the drawn area |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        foreach (var u in Users)
        {
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {u.User} | {u.Fixes:N0} | {u.Messages:N0} | {u.SpanDays:0.0} | {u.RecordedHours:0.0} | {u.AreaRadiusMeters / 1000:0.0} km | {(u.HasDayPlace ? "yes" : "no")} | {u.DeparturesCaught}/{u.DeparturesInjected} | {(u.MedianDelaySeconds is { } d ? $"{d / 60:0.0} min" : "–")} | {u.FalseZoneAlerts} | {u.BeyondAreaAlerts} |");
        }

        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"{Users.Count} people, {PersonWeeks:0.0} person-weeks: {FalseZoneAlerts} false zone alerts ({FalseZoneAlertsPerPersonWeek:0.00} per person-week, D3 goal ≤ 1); departures caught {DeparturesCaught}/{DeparturesInjected} ({DeparturesCaughtShare:P1}, goal 100 %); {BeyondAreaAlerts} alerts where the person really went beyond the drawn area (not counted as false)");
        return s.ToString();
    }
}
