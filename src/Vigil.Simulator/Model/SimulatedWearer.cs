using Vigil.Domain.Rules;
using Vigil.Domain.Time;

namespace Vigil.Simulator.Model;

/// <summary>
/// One wristband on one person, stepped through time by its caller (a fake clock in the harness, the real one in
/// the live demo): it samples the person's true state on the band's cadence (60 s still, 30 s moving, at once on
/// a wear change or event; the server's report-interval commands change it), turns it into what the sensors would report, and hands back what reaches the server
/// and when — live, late after an outage, or twice. Deterministic from the profile's seed.
/// </summary>
public sealed partial class SimulatedWearer
{
    private const int MaxBatch = 500;

    private readonly Random _signals;
    private readonly Random _radio;
    private readonly Itinerary _itinerary;
    private readonly IReadOnlyList<TimeWindow> _outages;
    private readonly SortedSet<DateTimeOffset> _instants;
    private readonly List<Delivery> _pending = [];
    private readonly List<WireMessage> _buffer = [];
    private readonly TimeSpan _clockSkew;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _routineStart;
    private DateTimeOffset _next;
    private DateTimeOffset? _last;
    private long _seq;

    /// <param name="from">When the band starts reporting (true time).</param>
    /// <param name="until">The end of the planned routine (the band can be stepped no further).</param>
    /// <param name="routineSpeed">How many times faster the routine runs than the timestamps (1 in the harness; more in the live demo, so people visibly move).</param>
    /// <param name="routineStart">The routine's time at <paramref name="from"/> (the live demo starts the day in the morning whatever the hour); excursions are in routine time.</param>
    /// <param name="firstSeq">The band's first seq (the live demo continues above what an earlier run sent); random otherwise.</param>
    public SimulatedWearer(WearerProfile profile, DateTimeOffset from, DateTimeOffset until, Incidents? incidents = null, double routineSpeed = 1,
        DateTimeOffset? routineStart = null, long? firstSeq = null)
    {
        Profile = profile;
        Incidents = incidents ?? new Incidents();
        RoutineSpeed = routineSpeed;
        _start = from;
        _routineStart = routineStart ?? from;
        var planning = new Random(profile.Seed);
        Errands = MakeErrands(profile, planning);
        var routineUntil = _routineStart + ((until - from) * routineSpeed);
        _itinerary = new Itinerary(DayPlanner.Plan(profile, Errands, _routineStart, routineUntil, planning), Incidents.Excursions);
        _signals = new Random(profile.Seed * 31 + 7);
        _radio = new Random(profile.Seed * 17 + 3);
        _clockSkew = TimeSpan.FromSeconds(_radio.Uniform(-20, 20));
        _outages = NaturalOutages(from, until);
        _instants = new SortedSet<DateTimeOffset>(Incidents.Instants().Where(t => t >= from));
        var drawnSeq = _radio.Next(0, 100_000); // drawn either way, so the rest of the radio's draws stay the same
        _seq = firstSeq ?? drawnSeq;
        _battery = _signals.Uniform(55, 100);
        _next = from;
        _coldStart = 2;
    }

    public WearerProfile Profile { get; }

    public Incidents Incidents { get; }

    public double RoutineSpeed { get; }

    /// <summary>The shops, cafés and friends' places the wearer goes to.</summary>
    public IReadOnlyList<Place> Errands { get; }

    /// <summary>The true position and activity at an instant (what the ground truth is measured on).</summary>
    public Motion TrueMotion(DateTimeOffset t) => _itinerary.At(Routine(t), Asleep(Routine(t)));

    /// <summary>
    /// Samples up to <paramref name="until"/> and returns what reaches the server by then, in arrival order.
    /// Anything still in flight (buffered, or a resend) comes in a later call.
    /// </summary>
    public IReadOnlyList<Delivery> Advance(DateTimeOffset until)
    {
        while (NextSampleAt <= until)
        {
            var t = _next;
            Sample(t);
            var cadence = IntervalAt(t, Moving(t)) + TimeSpan.FromSeconds(_radio.Uniform(-1, 1));
            _next = t + cadence;
            while (_instants.Count > 0 && _instants.Min <= t)
            {
                _instants.Remove(_instants.Min);
            }

            if (_instants.Count > 0 && _instants.Min < _next)
            {
                _next = _instants.Min;
            }
        }

        var due = _pending.Where(d => d.ReceivedAt <= until).OrderBy(d => d.ReceivedAt).ToList();
        _pending.RemoveAll(d => d.ReceivedAt <= until);
        return due;
    }

    /// <summary>The routine's clock at true time <paramref name="t"/>.</summary>
    public DateTimeOffset Routine(DateTimeOffset t) => RoutineSpeed == 1 && _routineStart == _start ? t : _routineStart + ((t - _start) * RoutineSpeed);

    private bool Moving(DateTimeOffset t) => TrueMotion(t).Moving;

    private bool Asleep(DateTimeOffset routine)
    {
        var local = TimeOnly.FromDateTime(VietnamTime.ToLocal(routine).DateTime);
        return Profile.SleepAt > Profile.WakeAt ? local >= Profile.SleepAt || local < Profile.WakeAt : local >= Profile.SleepAt && local < Profile.WakeAt;
    }

    private void Sample(DateTimeOffset t)
    {
        var motion = TrueMotion(t);
        var hours = _last is { } last ? (t - last).TotalHours : 0;
        _last = t;
        if (NextMessage(t, motion, hours) is not { } message)
        {
            return;
        }

        var offline = _outages.Any(o => o.Contains(t)) || Incidents.NoNetwork.Any(o => o.Contains(t));
        if (offline)
        {
            if (_buffer.Count < 72 * 120)
            {
                _buffer.Add(message);
            }

            return;
        }

        var received = t + TimeSpan.FromSeconds(_radio.Uniform(0.2, 2.5));
        if (_buffer.Count > 0)
        {
            // Back in coverage: the buffer goes up first, oldest first, in arrays of at most 500; then the new message.
            var at = t + TimeSpan.FromSeconds(_radio.Uniform(3, 15));
            foreach (var chunk in _buffer.Chunk(MaxBatch))
            {
                _pending.Add(new Delivery(Profile.DeviceId, at, chunk, Buffered: true));
                at += TimeSpan.FromSeconds(_radio.Uniform(0.5, 2));
            }

            _buffer.Clear();
            received = at;
        }

        _pending.Add(new Delivery(Profile.DeviceId, received, [message], Buffered: false));
        if (_radio.Chance(0.005))
        {
            // The PUBACK was lost: the band sends the same message (same seq) again.
            _pending.Add(new Delivery(Profile.DeviceId, received + TimeSpan.FromSeconds(_radio.Uniform(3, 12)), [message], Buffered: false));
        }
    }

    /// <summary>One to three coverage holes a day, mostly a few minutes, now and then half an hour or more.</summary>
    private IReadOnlyList<TimeWindow> NaturalOutages(DateTimeOffset from, DateTimeOffset until)
    {
        var outages = new List<TimeWindow>();
        for (var t = from + TimeSpan.FromHours(_radio.Uniform(2, 14)); t < until; t += TimeSpan.FromHours(_radio.Uniform(6, 20)))
        {
            var minutes = Math.Min(_radio.LogNormal(4, 0.9), 180);
            outages.Add(new TimeWindow(t, t + TimeSpan.FromMinutes(minutes)));
        }

        return outages;
    }

    private static List<Place> MakeErrands(WearerProfile profile, Random random)
    {
        string[] kinds = ["chợ", "quán cà phê", "nhà bạn", "tiệm tạp hóa", "quán ăn", "công viên"];
        var places = new List<Place>();
        foreach (var kind in kinds)
        {
            var at = profile.Roam.Offset(random.Uniform(0.1, 0.75) * profile.RoamRadiusMeters, random.Uniform(0, 360));
            places.Add(new Place(kind, at, Indoor: kind is not ("chợ" or "công viên")));
        }

        return places;
    }
}
