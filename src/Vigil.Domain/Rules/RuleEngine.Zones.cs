using Vigil.Domain.Scope;

namespace Vigil.Domain.Rules;

/// <summary>Violation 5 (outside the registered area) and hotspot entry, on fixes, with accuracy and dwell.</summary>
public sealed partial class RuleEngine
{
    private void EvaluateZones(DeviceTwin twin, RuleResult result, Evidence fix, CaseSnapshot @case)
    {
        var t = fix.At;
        var zones = @case.ZonesAt(t);
        var (distance, index) = ZoneShape.Nearest(zones.ConvertAll(z => z.Shape), fix.Lat!.Value, fix.Lon!.Value);
        var nearest = index < 0 ? null : zones[index];
        if (nearest is null)
        {
            return; // no registered scope applies: nothing to leave
        }

        // Outside only when even the far edge of the accuracy circle is outside: GPS noise at the edge never counts.
        var outside = distance > (fix.AccuracyMeters ?? 0) + options.OutsideMarginMeters;
        if (!outside || @case.TravelApprovedAt(t))
        {
            twin.OutsideSince = null;
            twin.OutsideFixes = 0;
            twin.OutsideEvidence = null;
            if (twin.IsOpen("outside-area"))
            {
                End(twin, result, "outside-area", t, outside ? "travel approved" : $"back inside {nearest.Name}");
            }

            return;
        }

        twin.OutsideSince ??= t;
        twin.OutsideFixes++;
        var evidence = twin.OutsideEvidence ??= [];
        AddEvidence(evidence, fix with { Reading = $"{distance:0} m outside {nearest.Name}" });
        if (twin.OutsideFixes == 2 && !twin.IsOpen("outside-area"))
        {
            // Warned before the violation: two fixes outside, never one, so GPS noise does not alarm the wearer either.
            result.Nudges.Add(new WearerNudge(NudgeKind.LeftArea, t, null, twin.OutsideSince.Value + options.OutsideDwell));
        }
        if (t - twin.OutsideSince >= options.OutsideDwell && twin.OutsideFixes >= 2)
        {
            Raise(twin, result, RuleKind.OutsideArea, "outside-area", twin.OutsideSince.Value, t, evidence,
                Parameters(("dwellMinutes", options.OutsideDwell.TotalMinutes), ("marginMeters", options.OutsideMarginMeters),
                    ("nearestZone", nearest.Name), ("distanceMeters", Math.Round(distance))));
        }
    }

    private void EvaluateHotspots(DeviceTwin twin, RuleResult result, Evidence fix)
    {
        var found = hotspots.Count == 0 ? null : hotspots.Find(fix.Lat!.Value, fix.Lon!.Value);
        if (found is not { } hotspot)
        {
            if (twin.HotspotCandidate is { } left)
            {
                // Leaving needs fixes clearly outside, beyond their own accuracy (as for zones), two in a row (as for
                // entering): indoor fixes drift out of a small venue while the person stays, and ending on one of them
                // re-raised the visit as a new alert.
                var clearlyOutside = hotspots.DistanceMeters(left, fix.Lat!.Value, fix.Lon!.Value) is not { } away
                    || away > (fix.AccuracyMeters ?? 0) + options.OutsideMarginMeters;
                if (!clearlyOutside || (twin.IsOpen($"hotspot:{left}") && ++twin.HotspotExitFixes < options.HotspotConfirmFixes))
                {
                    return;
                }

                End(twin, result, $"hotspot:{left}", fix.At, "left the hotspot");
            }

            twin.HotspotCandidate = null;
            twin.HotspotFixes = 0;
            twin.HotspotExitFixes = 0;
            twin.HotspotEvidence = null;
            return;
        }

        if (twin.HotspotCandidate == hotspot.Id && twin.HotspotLastAt is { } last && fix.At - last <= options.HotspotConfirmWindow)
        {
            twin.HotspotFixes++;
        }
        else
        {
            twin.HotspotCandidate = hotspot.Id;
            twin.HotspotFixes = 1;
            twin.HotspotEvidence = null;
        }

        twin.HotspotLastAt = fix.At;
        twin.HotspotExitFixes = 0;
        var evidence = twin.HotspotEvidence ??= [];
        AddEvidence(evidence, fix with { Reading = $"inside {hotspot.Name}" });
        if (twin.HotspotFixes >= options.HotspotConfirmFixes)
        {
            Raise(twin, result, RuleKind.HotspotEntry, $"hotspot:{hotspot.Id}", evidence[0].At, fix.At, evidence,
                Parameters(("hotspotId", hotspot.Id), ("hotspot", hotspot.Name), ("confirmFixes", options.HotspotConfirmFixes)), hotspot.Name);
        }
    }
}
