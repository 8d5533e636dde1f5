namespace Vigil.Simulator.Model;

/// <summary>
/// The band's side of the server's <c>report-interval</c> command: from the moment it hears one it reports every
/// <c>seconds</c> while still (moving, it keeps its 30 s when that is faster); a command with an end goes back to the
/// interval it had when the end passes on the band's own clock. The next report is brought forward if the new interval
/// makes it due sooner.
/// </summary>
public sealed partial class SimulatedWearer
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MovingInterval = TimeSpan.FromSeconds(30);

    private readonly List<(DateTimeOffset Arrives, TimeSpan Interval, DateTimeOffset? Until)> _commands = [];
    private TimeSpan _interval = DefaultInterval;
    private TimeSpan _intervalAfter = DefaultInterval;
    private DateTimeOffset? _intervalUntil;

    /// <summary>The band hears a report-interval command at <paramref name="arrivesAt"/> (true time). Thread-safe: the live fleet calls it from MQTT.</summary>
    public void Command(DateTimeOffset arrivesAt, int seconds, DateTimeOffset? until)
    {
        lock (_commands)
        {
            _commands.Add((arrivesAt, TimeSpan.FromSeconds(seconds), until));
            _commands.Sort((a, b) => a.Arrives.CompareTo(b.Arrives));
        }
    }

    /// <summary>The commands the band heard (true time of arrival), for the harness's count.</summary>
    public int CommandsHeard { get; private set; }

    /// <summary>When the band takes its next reading (true time), with every command heard by then applied.</summary>
    public DateTimeOffset NextSampleAt
    {
        get
        {
            ApplyCommands();
            return _next;
        }
    }

    /// <summary>Is the band in coverage at <paramref name="t"/>, and if not, when is it back (a command waits for it: it is retained).</summary>
    public DateTimeOffset Reachable(DateTimeOffset t)
    {
        var moved = true;
        while (moved)
        {
            moved = false;
            foreach (var outage in _outages.Concat(Incidents.NoNetwork))
            {
                if (outage.Contains(t) && outage.Until is { } end)
                {
                    t = end;
                    moved = true;
                }
            }
        }

        return t;
    }

    private void ApplyCommands()
    {
        lock (_commands)
        {
            while (_commands.Count > 0 && _commands[0].Arrives <= _next)
            {
                var (arrives, interval, until) = _commands[0];
                _commands.RemoveAt(0);
                CommandsHeard++;
                if (until is { } u && arrives + _clockSkew >= u)
                {
                    continue; // a retained watch heard after its end
                }

                if (until is not null && _intervalUntil is null)
                {
                    _intervalAfter = _interval;
                }
                else if (until is null)
                {
                    _intervalAfter = interval;
                }

                _interval = interval;
                _intervalUntil = until;
                if (_last is { } last)
                {
                    var due = last + interval;
                    _next = due < _next ? (due > arrives ? due : arrives) : _next;
                }
            }
        }
    }

    /// <summary>The interval in force at <paramref name="t"/>: a watch's end passed on the band's clock gives back the one before.</summary>
    private TimeSpan IntervalAt(DateTimeOffset t, bool moving)
    {
        if (_intervalUntil is { } until && t + _clockSkew >= until)
        {
            _interval = _intervalAfter;
            _intervalUntil = null;
        }

        return moving && MovingInterval < _interval ? MovingInterval : _interval;
    }
}
