using System.Globalization;
using Vigil.Domain.Alerts;

namespace Vigil.Domain.Compliance;

public enum ComplianceTier
{
    /// <summary>Complies: routine follow-up.</summary>
    Good,

    /// <summary>Slipping: a word at the next contact.</summary>
    Watch,

    /// <summary>The officer's first call.</summary>
    Attention,
}

/// <summary>One part of the score: how well (0–1), how much it weighs, the points it gives, and why, in Vietnamese and English.</summary>
public sealed record CompliancePart(string Name, double Fraction, double Weight, double Points, string WhyVi, string WhyEn);

/// <summary>
/// A 0–100 compliance score over a rolling window that explains itself: wear time, charging discipline, zone
/// compliance, confirmed violations weighted by severity, and timeliness of required reports. A person not
/// monitored in the window has no score (null), rather than a perfect one.
/// </summary>
public sealed record ComplianceScore(int Score, ComplianceTier Tier, IReadOnlyList<CompliancePart> Parts)
{
    public static ComplianceScore? Compute(ComplianceInputs inputs, ComplianceOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        if (inputs.Monitored <= TimeSpan.Zero)
        {
            return null;
        }

        var wear = Clamp(inputs.Worn / inputs.Monitored);
        var days = Math.Max(1, inputs.MonitoredDays);
        var charging = Clamp(1 - ((inputs.LowBatteryDays + (3.0 * inputs.Depletions)) / days));
        var zones = Clamp(1 - (inputs.OutsideArea / options.OutsideForZero));
        var penalty = inputs.ConfirmedViolations.Sum(s => s switch
        {
            AlertSeverity.Critical => options.CriticalViolationPenalty,
            AlertSeverity.High => options.HighViolationPenalty,
            _ => options.MediumViolationPenalty,
        });
        var violations = Clamp(1 - penalty);
        var reports = inputs.ReportsDue == 0 ? 1 : Clamp((double)inputs.ReportsOnTime / inputs.ReportsDue);

        var total = options.WearWeight + options.ChargingWeight + options.ZoneWeight + options.ViolationWeight + options.ReportWeight;
        CompliancePart Part(string name, double fraction, double weight, string vi, string en) =>
            new(name, Math.Round(fraction, 3), weight, Math.Round(100 * fraction * weight / total, 1), vi, en);

        List<CompliancePart> parts =
        [
            Part("wear", wear, options.WearWeight,
                $"Đeo thiết bị {Percent(wear)} thời gian giám sát", $"Device worn {Percent(wear)} of the monitored time"),
            Part("charging", charging, options.ChargingWeight,
                $"{inputs.LowBatteryDays} ngày pin xuống 10 % hoặc thấp hơn, {inputs.Depletions} lần hết pin trong {days} ngày",
                $"{inputs.LowBatteryDays} days at 10 % battery or less, {inputs.Depletions} depletions in {days} days"),
            Part("zones", zones, options.ZoneWeight,
                $"Ở ngoài phạm vi đăng ký {Hours(inputs.OutsideArea)} giờ", $"{Hours(inputs.OutsideArea)} h outside the registered area"),
            Part("violations", violations, options.ViolationWeight,
                $"{inputs.ConfirmedViolations.Count} vi phạm đã xác nhận", $"{inputs.ConfirmedViolations.Count} confirmed violations"),
            Part("reports", reports, options.ReportWeight,
                $"{inputs.ReportsOnTime}/{inputs.ReportsDue} trình báo đúng hạn", $"{inputs.ReportsOnTime} of {inputs.ReportsDue} reports on time"),
        ];
        var score = (int)Math.Round(parts.Sum(p => 100 * p.Fraction * p.Weight / total), MidpointRounding.AwayFromZero);
        var tier = score >= options.GoodFrom ? ComplianceTier.Good : score >= options.WatchFrom ? ComplianceTier.Watch : ComplianceTier.Attention;
        return new ComplianceScore(score, tier, parts);
    }

    private static double Clamp(double value) => double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0;

    private static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
}
