using Vigil.Domain.Investigations;

namespace Vigil.Domain.Places;

/// <summary>A person staying in one place at night: the night (the evening's Vietnam date), when, where, on how many fixes.</summary>
public sealed record NightDwell(Guid PersonId, DateOnly Night, DateTimeOffset From, DateTimeOffset To, double Lat, double Lon, int Fixes)
{
    public TimeSpan Duration => To - From;

    /// <summary>
    /// The dwells in one person's night-time track (in time order, fixes of the night only): runs of precise fixes within
    /// <see cref="PlaceMiningOptions.DwellRadiusMeters"/> of their running centre, with no gap over
    /// <see cref="PlaceMiningOptions.MaxGap"/>, lasting <see cref="PlaceMiningOptions.MinDwell"/>. A run is cut where a fix
    /// lies outside, so walking through a place is never a dwell; one stray fix ends it, as a report of the person
    /// elsewhere should.
    /// </summary>
    public static IReadOnlyList<NightDwell> Find(Guid personId, IEnumerable<PersonFix> track, PlaceMiningOptions options)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(options);
        var dwells = new List<NightDwell>();
        var run = new List<PersonFix>();
        double sumLat = 0, sumLon = 0;

        void Close()
        {
            if (run.Count > 1 && run[^1].MeasuredAt - run[0].MeasuredAt >= options.MinDwell)
            {
                var local = Time.VietnamTime.ToLocal(run[0].MeasuredAt);
                var night = DateOnly.FromDateTime(local.TimeOfDay < options.NightEnds.ToTimeSpan() ? local.Date.AddDays(-1) : local.Date);
                dwells.Add(new NightDwell(personId, night, run[0].MeasuredAt, run[^1].MeasuredAt, sumLat / run.Count, sumLon / run.Count, run.Count));
            }

            run.Clear();
            (sumLat, sumLon) = (0, 0);
        }

        foreach (var fix in track.Where(f => f.PersonId == personId && (f.AccuracyMeters ?? 0) <= options.MaxAccuracyMeters))
        {
            if (run.Count > 0 && (fix.MeasuredAt - run[^1].MeasuredAt > options.MaxGap
                || Geo.GeoMath.HaversineMeters(sumLat / run.Count, sumLon / run.Count, fix.Lat, fix.Lon) > options.DwellRadiusMeters))
            {
                Close();
            }

            run.Add(fix);
            (sumLat, sumLon) = (sumLat + fix.Lat, sumLon + fix.Lon);
        }

        Close();
        return dwells;
    }
}
