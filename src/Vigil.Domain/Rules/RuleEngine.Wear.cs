using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Rules;

/// <summary>Violations 1–3: tampering, not wearing, self-removal.</summary>
public sealed partial class RuleEngine
{
    /// <param name="late">An older message can still raise (the signal happened) but never ends: it is not the band's state now.</param>
    private void CheckTamperSignals(DeviceTwin twin, RuleResult result, DeviceMessage message, bool late)
    {
        var t = message.MeasuredAt;
        var reasons = new List<string>();
        if (message.Wear?.Case == CaseState.Open)
        {
            reasons.Add("case opened");
        }

        if (message.Wear?.Strap == StrapState.Cut)
        {
            reasons.Add("strap cut");
        }

        foreach (var e in message.Events.Where(e => e.Kind == DeviceEventKind.Fault && (e.Detail?.StartsWith("integrity", StringComparison.OrdinalIgnoreCase) ?? false)))
        {
            reasons.Add($"firmware integrity failure ({e.Detail})");
        }

        if (reasons.Count > 0 && late && twin.TamperEndedAt is { } ended && t <= ended)
        {
            return; // shows the tamper that was raised and has ended since, not a new one
        }

        if (reasons.Count > 0)
        {
            // A tamper signal needs no dwell: the case switch and the strap circuit are not noisy like GPS.
            Raise(twin, result, RuleKind.Tamper, "tamper", t, t, [new Evidence(t, message.Fix?.Lat, message.Fix?.Lon, message.Fix?.AccuracyMeters, string.Join(", ", reasons))],
                Parameters(("signals", string.Join(", ", reasons))), string.Join(", ", reasons));
        }
        else if (!late && message.Wear is { Case: CaseState.Closed, Strap: not StrapState.Cut and not null } && twin.IsOpen("tamper"))
        {
            End(twin, result, "tamper", t, "case closed and strap intact");
            twin.TamperEndedAt = t;
        }
    }

    private void EvaluateWear(DeviceTwin twin, RuleResult result, DeviceMessage message, CaseSnapshot @case)
    {
        var t = message.MeasuredAt;
        var strap = message.Wear?.Strap ?? twin.Strap;
        var skin = message.Wear?.SkinContact ?? twin.SkinContact;

        if (strap == StrapState.Open)
        {
            twin.StrapOpenSince ??= t;
        }
        else if (strap is not null)
        {
            twin.StrapOpenSince = null;
            End(twin, result, "self-removal", t, "strap closed again");
        }

        if (skin == false && strap == StrapState.Closed)
        {
            twin.OffBodySince ??= t;
        }
        else if (skin == true)
        {
            twin.OffBodySince = null;
            End(twin, result, "not-worn", t, "skin contact again");
        }

        EvaluateWearTimers(twin, result, @case, t);
    }

    /// <summary>
    /// Shared by messages and ticks: a removal or an off-body spell confirmed by time alone — by a tick only while
    /// the band is still reporting (<see cref="RuleOptions.WearTimerFreshness"/>); a message is its own evidence.
    /// </summary>
    private void EvaluateWearTimers(DeviceTwin twin, RuleResult result, CaseSnapshot @case, DateTimeOffset now)
    {
        var reporting = twin.LastMeasuredAt is { } last && now - last <= options.WearTimerFreshness;
        if (twin.StrapOpenSince is { } open)
        {
            if (@case.RemovalApprovedAt(open) || @case.RemovalApprovedAt(now))
            {
                End(twin, result, "self-removal", now, "temporary removal approved");
            }
            else if (now - open >= options.StrapOpenConfirm && reporting && @case.MonitoredAt(now))
            {
                Raise(twin, result, RuleKind.SelfRemoval, "self-removal", open, now,
                    [new Evidence(open, twin.LastFix?.Lat, twin.LastFix?.Lon, twin.LastFix?.AccuracyMeters, "strap open")],
                    Parameters(("confirmSeconds", options.StrapOpenConfirm.TotalSeconds)));
            }
        }

        if (twin.OffBodySince is { } off)
        {
            if (@case.RemovalApprovedAt(now))
            {
                End(twin, result, "not-worn", now, "temporary removal approved");
            }
            else if (now - off >= options.NotWornDwell && reporting && @case.MonitoredAt(now))
            {
                Raise(twin, result, RuleKind.NotWorn, "not-worn", off, now,
                    [new Evidence(off, twin.LastFix?.Lat, twin.LastFix?.Lon, twin.LastFix?.AccuracyMeters, "no skin contact, strap closed")],
                    Parameters(("dwellMinutes", options.NotWornDwell.TotalMinutes)));
            }
        }
    }

    /// <summary>Shielding: the network and GPS lost together while the wrist kept moving (seen in buffered data).</summary>
    private void EvaluateShielding(DeviceTwin twin, RuleResult result, DeviceMessage message, DateTimeOffset receivedAt)
    {
        var t = message.MeasuredAt;
        var buffered = receivedAt - t >= options.ShieldingDwell;
        if (message.Fix is null && buffered && message.Motion?.Activity >= options.ShieldingActivity)
        {
            twin.NoFixMovingSince ??= t;
            if (t - twin.NoFixMovingSince >= options.ShieldingDwell)
            {
                Raise(twin, result, RuleKind.Tamper, "shielding", twin.NoFixMovingSince.Value, t,
                    [new Evidence(twin.NoFixMovingSince.Value, twin.LastFix?.Lat, twin.LastFix?.Lon, twin.LastFix?.AccuracyMeters, "no GPS and no network while moving")],
                    Parameters(("dwellMinutes", options.ShieldingDwell.TotalMinutes), ("activity", options.ShieldingActivity)), "possible shielding");
            }
        }
        else if (message.Fix is not null)
        {
            twin.NoFixMovingSince = null;
            End(twin, result, "shielding", t, "fix received");
        }
    }
}
