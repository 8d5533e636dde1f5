using System.Globalization;

namespace Vigil.Simulator.GeoLife;

/// <summary>One GeoLife fix: where and when (UTC), as logged.</summary>
public readonly record struct GeoLifeFix(double Lat, double Lon, DateTimeOffset At);

/// <summary>
/// One GeoLife user's fixes from all their <c>.plt</c> files, in time order. The format: six header lines, then
/// <c>lat,lon,0,altitude_feet,days_since_1899,date,time</c> with times in GMT (see shared/data/README.md).
/// </summary>
public sealed record GeoLifeTrack(string User, IReadOnlyList<GeoLifeFix> Fixes)
{
    public static GeoLifeTrack Read(string userFolder)
    {
        var fixes = new List<GeoLifeFix>();
        var files = Directory.GetFiles(Path.Combine(userFolder, "Trajectory"), "*.plt").Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file).Skip(6))
            {
                var parts = line.Split(',');
                if (parts.Length < 7
                    || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                    || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                    || !DateTimeOffset.TryParse($"{parts[5]}T{parts[6]}Z", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                {
                    continue; // a damaged line is skipped, the rest of the file is read
                }

                fixes.Add(new GeoLifeFix(lat, lon, at));
            }
        }

        fixes.Sort((a, b) => a.At.CompareTo(b.At));
        return new GeoLifeTrack(Path.GetFileName(userFolder.TrimEnd(Path.DirectorySeparatorChar)), fixes);
    }

    /// <summary>The folder holding the GeoLife users: an explicit path, else <c>VIGIL_GEOLIFE</c>, else <c>shared/data/geolife</c> beside the repository (or beside its worktree folder).</summary>
    public static string? FindData(string? path = null)
    {
        if (path is not null)
        {
            return Directory.Exists(path) ? Path.GetFullPath(path) : null;
        }

        if (Environment.GetEnvironmentVariable("VIGIL_GEOLIFE") is { Length: > 0 } env)
        {
            return Directory.Exists(env) ? env : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                foreach (var up in new[] { dir.Parent, dir.Parent?.Parent })
                {
                    var candidate = up is null ? null : Path.Combine(up.FullName, "shared", "data", "geolife");
                    if (candidate is not null && Directory.Exists(candidate))
                    {
                        return candidate;
                    }
                }

                return null;
            }
        }

        return null;
    }
}
