using Vigil.Domain.Scope;
using Vigil.Domain.Time;

namespace Vigil.Domain.Rules;

/// <summary>Violation 6: the night-time location (22:00–05:00 Vietnam time) away from the residence, nights in a row.</summary>
public sealed partial class RuleEngine
{
    private void EvaluateNight(DeviceTwin twin, RuleResult result, Evidence fix, CaseSnapshot @case)
    {
        CloseNightIfOver(twin, result, @case, fix.At);
        if (NightOf(fix.At) is not { } night || night <= twin.LastJudgedNight)
        {
            // A fix of a night already judged would reopen it as a new night of one fix, judged "unknown", which broke
            // the run of nights away (found by the quality harness: the sweep closes the night at 05:00 and a fix
            // measured at 04:59 arrives a few seconds later).
            return;
        }

        var residences = @case.ZonesAt(fix.At).Where(z => z.Kind == ZoneKind.Residence).ToList();
        if (residences.Count == 0)
        {
            return;
        }

        if (twin.Night != night)
        {
            twin.Night = night;
            twin.NightFixes = 0;
            twin.NightAwayFixes = 0;
        }

        var distance = residences.Min(z => z.Shape.DistanceMeters(fix.Lat!.Value, fix.Lon!.Value));
        twin.NightFixes++;
        if (distance > (fix.AccuracyMeters ?? 0) + options.OutsideMarginMeters)
        {
            twin.NightAwayFixes++;
            if (twin.NightAwayFixes == 1)
            {
                AddEvidence(twin.NightEvidence ??= [], fix with { Reading = $"night of {night:yyyy-MM-dd}: {distance:0} m from the residence" });
            }
        }
    }

    /// <summary>Judges the night once it is over: away, at home, or unknown (too few fixes, which breaks the run).</summary>
    private void CloseNightIfOver(DeviceTwin twin, RuleResult result, CaseSnapshot @case, DateTimeOffset now)
    {
        if (twin.Night is not { } night || now < NightCloses(night))
        {
            return;
        }

        var known = twin.NightFixes >= options.MinimumNightFixes;
        var away = known && twin.NightAwayFixes >= options.NightAwayShare * twin.NightFixes;
        twin.NightsAwayInRow = away ? twin.NightsAwayInRow + 1 : 0;
        twin.Night = null;
        twin.LastJudgedNight = night;
        if (!away)
        {
            twin.NightEvidence = null;
            if (known)
            {
                End(twin, result, "residence-change", now, "a night at the residence");
            }

            return;
        }

        if (twin.NightsAwayInRow >= options.NightsAway && !@case.ResidenceChangeReportedAt(now) && twin.NightEvidence is [var first, ..] evidence)
        {
            Raise(twin, result, RuleKind.ResidenceChangeUnreported, "residence-change", first.At, now, evidence,
                Parameters(("nights", options.NightsAway), ("nightStart", options.NightStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
                    ("nightEnd", options.NightEnd.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), ("awayShare", options.NightAwayShare)));
        }
    }

    /// <summary>The Vietnam date on which the night containing <paramref name="instant"/> began, or null in the day.</summary>
    private DateOnly? NightOf(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var date = DateOnly.FromDateTime(local.DateTime);
        return time >= options.NightStart ? date : time < options.NightEnd ? date.AddDays(-1) : null;
    }

    private DateTimeOffset NightCloses(DateOnly night) =>
        new DateTimeOffset(night.AddDays(1).ToDateTime(options.NightEnd), VietnamTime.Offset).ToUniversalTime();
}
