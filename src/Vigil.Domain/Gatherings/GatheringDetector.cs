using Vigil.Domain.Geo;

namespace Vigil.Domain.Gatherings;

/// <summary>
/// Streaming detection of unusual gatherings over everyone's latest positions, evaluated at a steady pace (every
/// minute). Each evaluation finds the groups of at least <see cref="GatheringOptions.MinPeople"/> people within
/// <see cref="GatheringOptions.RadiusMeters"/> of each other (grid hashing, linear in the positions), leaves out
/// anyone inside their own residence or work zone, and follows each group from one evaluation to the next by its
/// members. A group is a gathering once <see cref="GatheringOptions.MinPeople"/> of its members have been in it
/// for <see cref="GatheringOptions.MinDuration"/>; it keeps its id while it goes on, and ends when fewer remain.
/// Pure and single-threaded: the caller supplies the time, the positions and the own-places test.
/// </summary>
public sealed class GatheringDetector(GatheringOptions options)
{
    private readonly List<Track> _tracks = [];

    /// <summary>The groups being followed (gatherings and groups not yet long enough).</summary>
    public int Tracked => _tracks.Count;

    /// <summary>
    /// The people whose latest usable position is within the radius of enough others to form a group, and the members
    /// of the gatherings going on: the only ones whose own places must be known for <see cref="Evaluate"/>. Lets a caller load zones for a few people, not all.
    /// </summary>
    public IReadOnlyList<Guid> Crowded(DateTimeOffset now, IEnumerable<LatestPosition> positions)
    {
        var usable = Usable(now, positions);
        return [.. NeighbourGrid.Groups(usable, options.RadiusMeters, options.MaxSlackMeters, options.MinPeople).SelectMany(g => g).Select(i => usable[i].PersonId)
            .Union(_tracks.Where(t => t.Fired).SelectMany(t => t.Members.Keys))];
    }

    /// <summary>
    /// Takes up gatherings that were going on before a restart (from the alert store): each is followed again under its
    /// own id, already raised, its members as if last seen at <paramref name="now"/> — so they are neither raised again
    /// nor forgotten, and a gathering whose members have gone ends after the leave tolerance.
    /// </summary>
    public void Restore(IEnumerable<Gathering> gatherings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(gatherings);
        foreach (var g in gatherings.Where(g => _tracks.All(t => t.Id != g.Id)))
        {
            var track = new Track(g.Id, g.Since) { Fired = true, Last = g, ArrivalSeen = true };
            foreach (var m in g.Members)
            {
                track.Members[m.PersonId] = new Presence(m.Since, m.Since, now, m.Position);
            }

            _tracks.Add(track);
        }
    }

    /// <param name="now">The evaluation time.</param>
    /// <param name="positions">Everyone's latest position (older or imprecise ones are ignored; one per person, the newest).</param>
    /// <param name="atOwnPlace">Whether the person is inside one of their own residence or work zones at that point.</param>
    public GatheringUpdate Evaluate(DateTimeOffset now, IEnumerable<LatestPosition> positions, Func<Guid, double, double, bool> atOwnPlace)
    {
        ArgumentNullException.ThrowIfNull(atOwnPlace);
        var usable = Usable(now, positions);
        var crowded = NeighbourGrid.Groups(usable, options.RadiusMeters, options.MaxSlackMeters, options.MinPeople)
            .SelectMany(g => g).Select(i => usable[i]).Where(p => !atOwnPlace(p.PersonId, p.Lat, p.Lon)).ToList();
        var groups = NeighbourGrid.Groups(crowded, options.RadiusMeters, options.MaxSlackMeters, options.MinPeople)
            .Select(g => Tighten([.. g.Select(i => crowded[i])]))
            .Where(g => g.Count >= options.MinPeople)
            .OrderByDescending(g => g.Count)
            .ToList();

        var claimed = new HashSet<Track>();
        foreach (var group in groups)
        {
            var track = _tracks.Where(t => !claimed.Contains(t))
                .Select(t => (Track: t, Shared: group.Count(p => t.Members.ContainsKey(p.PersonId))))
                .Where(m => m.Shared > 0)
                .OrderByDescending(m => m.Shared).Select(m => m.Track).FirstOrDefault();
            if (track is null)
            {
                track = new Track(Guid.NewGuid(), now);
                _tracks.Add(track);
            }

            claimed.Add(track);
            foreach (var p in group)
            {
                track.Members[p.PersonId] = track.Members.TryGetValue(p.PersonId, out var member)
                    ? member with { LastSeen = now, Position = p }
                    : new Presence(Arrived(p, now), now, now, p);
                track.ArrivalSeen |= p.ArrivalSeen;
            }
        }

        Stay(now, usable, claimed, atOwnPlace);
        var ongoing = new List<Gathering>();
        var ended = new List<Gathering>();

        foreach (var track in _tracks.ToList())
        {
            var tolerance = track.Fired ? options.LeaveAfter : options.FormingLeaveAfter;
            foreach (var gone in track.Members.Where(m => now - m.Value.LastSeen > tolerance).Select(m => m.Key).ToList())
            {
                track.Members.Remove(gone);
            }

            // Time together runs to the newest fix that put each with the group (not the evaluation time, nor the leave
            // tolerance: neither may lengthen a meeting); once raised, to when each was last seen with it.
            var qualified = track.Members.Where(m => (track.Fired ? m.Value.LastSeen : m.Value.Position.MeasuredAt) - track.Since(m.Value) >= options.MinDuration)
                .OrderBy(m => track.Since(m.Value)).ThenBy(m => m.Key).ToList();
            if (qualified.Count >= options.MinPeople && (track.Fired || now - track.FirstSeen >= options.SeenTogetherFor))
            {
                var started = !track.Fired;
                track.Fired = true;
                track.Last = Snapshot(track, qualified, now, started);
                ongoing.Add(track.Last);
            }
            else if (track.Fired)
            {
                ended.Add(track.Last! with { At = now, Started = false });
                _tracks.Remove(track);
            }
            else if (track.Members.Count < options.MinPeople && !claimed.Contains(track))
            {
                _tracks.Remove(track);
            }
        }

        return new GatheringUpdate(ongoing, ended);
    }

    /// <summary>
    /// Hysteresis: a member of a raised gathering who is not in a group this minute (the estimates drift apart for a
    /// while indoors) is still with it while their position is within <see cref="GatheringOptions.StayMeters"/> of its
    /// centre, away from their own places. Joining takes the strict test; staying, this looser one.
    /// </summary>
    private void Stay(DateTimeOffset now, List<LatestPosition> usable, HashSet<Track> claimed, Func<Guid, double, double, bool> atOwnPlace)
    {
        var fired = _tracks.Where(t => t.Fired && t.Last is not null).ToList();
        if (fired.Count == 0)
        {
            return;
        }

        var wanted = fired.SelectMany(t => t.Members.Where(m => m.Value.LastSeen < now).Select(m => m.Key)).ToHashSet();
        var found = usable.Where(p => wanted.Contains(p.PersonId)).ToDictionary(p => p.PersonId);
        foreach (var track in fired)
        {
            foreach (var (person, presence) in track.Members.Where(m => m.Value.LastSeen < now).ToList())
            {
                if (found.TryGetValue(person, out var p) && !atOwnPlace(person, p.Lat, p.Lon)
                    && GeoMath.HaversineMeters(track.Last!.CenterLat, track.Last.CenterLon, p.Lat, p.Lon) <= options.StayMeters)
                {
                    track.Members[person] = presence with { LastSeen = now, Position = p };
                    claimed.Add(track);
                }
            }
        }
    }

    /// <summary>
    /// A newcomer has been with the group since they arrived at the place (their estimate's
    /// <see cref="LatestPosition.HereSince"/>), not since the estimates first put them close: the estimate of an indoor
    /// wearer takes a few minutes to settle, and the ten minutes run from the arrival.
    /// </summary>
    private static DateTimeOffset Arrived(LatestPosition p, DateTimeOffset now) => p.HereSince is { } here && here < now ? here : now;

    private Gathering Snapshot(Track track, List<KeyValuePair<Guid, Presence>> qualified, DateTimeOffset now, bool started)
    {
        // The condition began when the MinPeople-th of the members who stayed had joined.
        var since = track.Since(qualified[options.MinPeople - 1].Value);
        var positions = qualified.Select(m => m.Value.Position).ToList();
        var (lat, lon) = Centre(positions);
        var spread = positions.Max(p => GeoMath.HaversineMeters(lat, lon, p.Lat, p.Lon));
        return new Gathering(track.Id, since, now, lat, lon, spread,
            [.. qualified.Select(m => new GatheringMember(m.Key, track.Since(m.Value), m.Value.Position))], started);
    }

    /// <summary>
    /// Single linkage can chain (A near B near C, A far from C). "Within the radius of each other" holds between every
    /// two members: while a pair is further apart than the radius plus their allowance, the member in the most such
    /// pairs (then the one furthest from the centre) is left out.
    /// </summary>
    private List<LatestPosition> Tighten(List<LatestPosition> group)
    {
        var members = group.ToList();
        while (members.Count >= options.MinPeople)
        {
            var apart = new int[members.Count];
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    if (!NeighbourGrid.Near(members[i], members[j], options.RadiusMeters, options.MaxSlackMeters))
                    {
                        apart[i]++;
                        apart[j]++;
                    }
                }
            }

            if (apart.All(a => a == 0))
            {
                break;
            }

            var (lat, lon) = Centre(members);
            var worst = Enumerable.Range(0, members.Count).OrderByDescending(i => apart[i])
                .ThenByDescending(i => GeoMath.HaversineMeters(lat, lon, members[i].Lat, members[i].Lon)).First();
            members.RemoveAt(worst);
        }

        return members;
    }

    private static (double Lat, double Lon) Centre(IReadOnlyCollection<LatestPosition> positions) =>
        (positions.Average(p => p.Lat), positions.Average(p => p.Lon));

    private List<LatestPosition> Usable(DateTimeOffset now, IEnumerable<LatestPosition> positions)
    {
        var newest = new Dictionary<Guid, LatestPosition>(positions.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var p in positions)
        {
            if (now - p.MeasuredAt > options.StaleAfter || p.MeasuredAt > now || (p.AccuracyMeters is { } a && a > options.MaxAccuracyMeters))
            {
                continue;
            }

            if (!newest.TryGetValue(p.PersonId, out var known) || p.MeasuredAt > known.MeasuredAt)
            {
                newest[p.PersonId] = p;
            }
        }

        return [.. newest.Values];
    }

    private sealed class Track(Guid id, DateTimeOffset firstSeen)
    {
        public Guid Id { get; } = id;

        /// <summary>When the estimates first put the group together.</summary>
        public DateTimeOffset FirstSeen { get; } = firstSeen;

        public Dictionary<Guid, Presence> Members { get; } = [];

        public bool Fired { get; set; }

        public Gathering? Last { get; set; }

        /// <summary>Whether the fixes of one of its members showed them arriving (<see cref="LatestPosition.ArrivalSeen"/>).</summary>
        public bool ArrivalSeen { get; set; }

        /// <summary>
        /// Since when a member has been with the group: from their arrival at the place when someone's arrival shows in
        /// the fixes (people coming together), otherwise from when the estimates first put them with it — people who
        /// stay at neighbouring places, each as long as their fixes go back, are not a meeting because their wifi
        /// estimates drift together for a few minutes.
        /// </summary>
        public DateTimeOffset Since(Presence member) => ArrivalSeen ? member.HereSince : member.Joined;
    }

    private sealed record Presence(DateTimeOffset HereSince, DateTimeOffset Joined, DateTimeOffset LastSeen, LatestPosition Position);
}
