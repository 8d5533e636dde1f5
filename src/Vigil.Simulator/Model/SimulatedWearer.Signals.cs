using Vigil.Domain.Telemetry;
using Vigil.Domain.Time;

namespace Vigil.Simulator.Model;

/// <summary>What the band's sensors make of the wearer's true state: battery, switches, GPS, vitals, motion.</summary>
public sealed partial class SimulatedWearer
{
    private double _battery;
    private bool _poweredOff;
    private int _coldStart;
    private DateTimeOffset? _indoorSince;
    private (double East, double North) _drift;

    private WireMessage? NextMessage(DateTimeOffset t, Motion motion, double hours)
    {
        var events = new List<string>();
        foreach (var (at, percent) in Incidents.BatteryLevels.Where(b => b.At <= t && (_lastEvents is not { } prev || b.At > prev)))
        {
            _battery = percent;
            hours = 0;
        }

        var charging = ChargingAt(t, motion);
        _battery = charging
            ? Math.Min(100, _battery + (45 * hours))
            : Math.Max(0, _battery - (hours * (1.4 + (motion.Moving ? 1.0 : 0) + (motion.Indoor ? 0 : 0.3))));

        if (_poweredOff)
        {
            if (!charging)
            {
                return null;
            }

            _poweredOff = false;
            _coldStart = 3;
            events.Add("poweron");
        }
        else if (_battery <= 0)
        {
            _poweredOff = true;
            events.Add("poweroff:lowbat");
            _depletions.Add(t);
        }

        events.AddRange(Incidents.Events.Where(e => e.At <= t && (_lastEvents is not { } prev || e.At > prev)).Select(e => e.Event));
        _lastEvents = t;

        var spell = Incidents.Wear.LastOrDefault(w => w.Contains(t));
        var strap = spell?.Strap ?? StrapState.Closed;
        var skin = spell?.Skin ?? !_signals.Chance(0.002); // a loose strap loses contact for one reading now and then
        var @case = spell?.Case ?? CaseState.Closed;
        var episode = Incidents.Episodes.LastOrDefault(e => e.Contains(t));
        var still = episode?.Kind == EpisodeKind.Overdose || !skin;
        var activity = still ? _signals.Uniform(0, 0.02) : Activity(motion);
        var steps = still || !motion.Walking ? 0 : (int)(motion.SpeedMps / 0.7 * 30 * _signals.Uniform(0.8, 1.1));

        return new WireMessage(
            _seq++,
            t + _clockSkew,
            Fix(t, motion),
            (int)Math.Ceiling(_battery), // the band says 0 % only when it shuts down
            charging,
            Wire(strap),
            skin,
            @case == CaseState.Open ? "open" : "closed",
            skin ? Vitals(t, motion, activity, episode) : null,
            steps,
            activity,
            events);
    }

    private DateTimeOffset? _lastEvents;
    private readonly List<DateTimeOffset> _depletions = [];

    /// <summary>When the band shut itself down on a flat battery (true time).</summary>
    public IReadOnlyList<DateTimeOffset> Depletions => _depletions;

    private static string Wire(StrapState strap) => strap switch
    {
        StrapState.Open => "open",
        StrapState.Cut => "cut",
        _ => "closed",
    };

    private bool ChargingAt(DateTimeOffset t, Motion motion)
    {
        if (Incidents.NoCharging.Any(w => w.Contains(t)))
        {
            return false;
        }

        if (Incidents.Charging.Any(w => w.Contains(t)))
        {
            return _battery < 100;
        }

        var local = TimeOnly.FromDateTime(VietnamTime.ToLocal(Routine(t)).DateTime);
        var atHome = !motion.Moving && (motion.Position.DistanceTo(Profile.Home.At) < 50 || _itinerary.LivingAway(Routine(t)));
        var on = Profile.Charging switch
        {
            ChargingHabit.Nightly => atHome && motion.Asleep && _battery < 100,
            ChargingHabit.Morning => atHome && local >= Profile.WakeAt && local < Profile.WakeAt.AddMinutes(90) && _battery < 100,
            _ => atHome && local >= new TimeOnly(19, 30) && (_battery < 20 || (_chargingLow && _battery < 100)),
        };
        _chargingLow = on;
        return on;
    }

    private bool _chargingLow;

    private double Activity(Motion motion) =>
        motion.Asleep ? _signals.Uniform(0, 0.05)
        : motion.Walking ? _signals.Uniform(0.35, 0.7)
        : motion.Moving ? _signals.Uniform(0.3, 0.5) // a motorbike shakes the wrist
        : _signals.Uniform(0.02, 0.2);

    /// <summary>
    /// GPS as a wrist sees it in a dense city: outdoors GNSS with 10–40 m accuracy and now and then a multipath jump
    /// well beyond it; indoors wifi fixes of 20–150 m that drift, cell fixes of hundreds of metres, or nothing;
    /// after power-on or a long spell indoors a cold start gives no fix or a coarse one first.
    /// </summary>
    private WireFix? Fix(DateTimeOffset t, Motion motion)
    {
        if (Incidents.NoFix.Any(w => w.Contains(t)))
        {
            return null;
        }

        var p = motion.Position;
        if (motion.Indoor)
        {
            _indoorSince ??= t;
            _drift = ((_drift.East * 0.9) + _signals.Gaussian(0, 8), (_drift.North * 0.9) + _signals.Gaussian(0, 8));
            var roll = _signals.NextDouble();
            if (roll < 0.12)
            {
                return null;
            }

            if (roll < 0.3)
            {
                var cellAcc = _signals.Uniform(300, 1500);
                return Noisy(p, cellAcc, "cell", null, null, 1);
            }

            var wifiAcc = _signals.Uniform(20, 150);
            return Noisy(p.Shift(_drift.East, _drift.North), wifiAcc * 0.8, "wifi", null, null, 1) with { AccuracyMeters = wifiAcc };
        }

        var reacquiring = _indoorSince is { } since && t - since > TimeSpan.FromMinutes(10);
        _indoorSince = null;
        if (reacquiring)
        {
            _coldStart = Math.Max(_coldStart, 1);
        }

        if (_coldStart > 0)
        {
            _coldStart--;
            return _signals.Chance(0.5) ? null : Noisy(p, _signals.Uniform(80, 150), "gnss", null, null, 1);
        }

        var acc = _signals.Uniform(10, 40);
        var multipath = _signals.Chance(0.03) ? _signals.Uniform(2.5, 5) : 1; // reflected signal: the error outgrows the stated accuracy
        return Noisy(p, acc, "gnss", motion.Moving ? motion.SpeedMps : 0, motion.HeadingDegrees, multipath);
    }

    /// <summary>A fix whose error is Rayleigh-distributed so that 68 % fall inside the stated accuracy (σ = acc / 1.51).</summary>
    private WireFix Noisy(GeoPoint truth, double acc, string source, double? speed, double? heading, double inflate)
    {
        var sigma = acc / 1.51 * inflate;
        var at = truth.Shift(_signals.Gaussian(0, sigma), _signals.Gaussian(0, sigma));
        return new WireFix(at.Lat, at.Lon, acc, source, speed, heading);
    }

    /// <summary>Vitals with a circadian rhythm, activity, and the scenario's overdose or stress episodes.</summary>
    private WireVitals Vitals(DateTimeOffset t, Motion motion, double activity, VitalsEpisode? episode)
    {
        var local = VietnamTime.ToLocal(Routine(t));
        var hour = local.Hour + (local.Minute / 60.0);
        var circadian = Math.Sin((hour - 9) / 24 * 2 * Math.PI); // lowest in the small hours, highest mid-afternoon
        var rest = Profile.RestingHeartRate;
        var hr = rest + (4 * circadian) + (motion.Asleep ? -6 : 0) + (activity * 45) + _signals.Gaussian(0, 3);
        var hrv = 48 - ((hr - rest) * 0.6) + (motion.Asleep ? 15 : 0) + _signals.Gaussian(0, 5);
        var spo2 = 97.2 + _signals.Gaussian(0, 0.8);
        if (activity > 0.3 && _signals.Chance(0.01))
        {
            spo2 = _signals.Uniform(86, 91); // a motion artefact: one implausible reading, not a desaturation
        }

        var temp = 33.2 + (motion.Asleep ? 0.6 : 0) + (motion.Indoor ? 0 : -0.8) + (0.3 * circadian) + _signals.Gaussian(0, 0.2);
        var eda = Math.Max(0.05, _signals.LogNormal(1.2 + (activity * 2), 0.25));
        var rr = (motion.Asleep ? 13 : 15) + (activity * 8) + _signals.Gaussian(0, 1);

        if (episode is { Kind: EpisodeKind.Overdose } od)
        {
            // Respiratory depression: breathing slows within a minute, SpO2 falls about 5 points a minute.
            var minutes = (t - od.From).TotalMinutes;
            rr = minutes < 1 ? 8 : _signals.Uniform(2, 4.5);
            spo2 = Math.Max(70, 95 - (5 * minutes)) + _signals.Gaussian(0, 0.5);
            hr = Math.Max(38, rest - (4 * minutes)) + _signals.Gaussian(0, 2);
            hrv = 20 + _signals.Gaussian(0, 3);
            temp += 0.5;
        }
        else if (episode is { Kind: EpisodeKind.Stress })
        {
            hr += 25;
            hrv *= 0.55;
            eda *= 3;
            temp -= 0.4;
            rr += 4;
        }

        return new WireVitals(Math.Clamp(hr, 30, 220), Math.Clamp(hrv, 5, 200), Math.Clamp(spo2, 60, 100), Math.Clamp(temp, 25, 40), Math.Min(eda, 60), Math.Clamp(rr, 0, 60));
    }
}
