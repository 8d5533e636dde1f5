using System.Globalization;

namespace Vigil.Simulator.Empatica;

/// <summary>
/// An Empatica E4 session export, read in place: HR.csv (1 Hz), EDA.csv and TEMP.csv (4 Hz), ACC.csv (32 Hz, three
/// axes in 1/64 g), each starting with a row of the start time (Unix seconds, UTC) and a row of the sample rate; IBI.csv
/// with the start time then (seconds after the start, inter-beat interval in seconds). There is no SpO2 and no
/// respiration. Summarised per minute, as a wristband reporting once a minute would send it.
/// </summary>
public sealed record E4Recording(DateTimeOffset Start, IReadOnlyList<E4Minute> Minutes)
{
    public static E4Recording Read(string folder)
    {
        var (start, hr) = Signal(Path.Combine(folder, "HR.csv"));
        var (edaStart, eda) = Signal(Path.Combine(folder, "EDA.csv"));
        var (tempStart, temp) = Signal(Path.Combine(folder, "TEMP.csv"));
        var (accStart, acc) = Signal(Path.Combine(folder, "ACC.csv"), magnitude: true);
        var ibi = Beats(Path.Combine(folder, "IBI.csv"));
        var origin = new[] { start, edaStart, tempStart, accStart }.Min();
        var end = new[] { End(start, hr), End(edaStart, eda), End(tempStart, temp), End(accStart, acc) }.Max();
        var minutes = new List<E4Minute>();
        for (var t = origin; t + 60 <= end; t += 60)
        {
            var motion = Window(accStart, acc, t);
            minutes.Add(new E4Minute(
                DateTimeOffset.FromUnixTimeMilliseconds((long)(t * 1000)),
                Mean(Window(start, hr, t)),
                Rmssd([.. ibi.Where(b => b.At >= t - origin && b.At < t - origin + 60)]),
                Mean(Window(edaStart, eda, t)),
                Mean(Window(tempStart, temp, t)),
                motion.Count < 32 ? null : Math.Min(1, StdDev(motion) * 4)));
        }

        return new E4Recording(DateTimeOffset.FromUnixTimeMilliseconds((long)(origin * 1000)), minutes);
    }

    /// <summary>Where the recording is: an explicit path, else <c>VIGIL_E4</c>, else <c>shared/data/empatica-e4</c> beside the repository.</summary>
    public static string? FindData(string? path = null)
    {
        path ??= Environment.GetEnvironmentVariable("VIGIL_E4") is { Length: > 0 } env ? env : null;
        if (path is not null)
        {
            return File.Exists(Path.Combine(path, "HR.csv")) ? Path.GetFullPath(path) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return new[] { dir.Parent, dir.Parent?.Parent }.Select(up => up is null ? null : Path.Combine(up.FullName, "shared", "data", "empatica-e4"))
                    .FirstOrDefault(c => c is not null && File.Exists(Path.Combine(c, "HR.csv")));
            }
        }

        return null;
    }

    private sealed record Samples(double Rate, List<double> Values);

    private static (double Start, Samples Samples) Signal(string file, bool magnitude = false)
    {
        var lines = File.ReadLines(file).Where(l => l.Length > 0).ToList();
        var start = double.Parse(lines[0].Split(',')[0], CultureInfo.InvariantCulture);
        var rate = double.Parse(lines[1].Split(',')[0], CultureInfo.InvariantCulture);
        var values = lines.Skip(2).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => magnitude ? Math.Sqrt(v.Sum(x => x * x)) / 64 : v[0]).ToList();
        return (start, new Samples(rate, values));
    }

    private static List<(double At, double Seconds)> Beats(string file) =>
        [.. File.ReadLines(file).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];

    private static double End(double start, Samples s) => start + (s.Values.Count / s.Rate);

    private static List<double> Window(double start, Samples s, double from)
    {
        var first = (int)Math.Max(0, Math.Ceiling((from - start) * s.Rate));
        var last = (int)Math.Min(s.Values.Count, Math.Ceiling((from + 60 - start) * s.Rate));
        return first >= last ? [] : s.Values.GetRange(first, last - first);
    }

    private static double? Mean(List<double> values) => values.Count == 0 ? null : values.Average();

    private static double StdDev(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    /// <summary>RMSSD in ms over successive beats that follow each other directly (the E4 drops beats it cannot detect).</summary>
    private static double? Rmssd(List<(double At, double Seconds)> beats)
    {
        var diffs = new List<double>();
        for (var i = 1; i < beats.Count; i++)
        {
            if (Math.Abs(beats[i].At - beats[i - 1].At - beats[i].Seconds) < 0.05)
            {
                diffs.Add((beats[i].Seconds - beats[i - 1].Seconds) * 1000);
            }
        }

        return diffs.Count < 10 ? null : Math.Sqrt(diffs.Average(d => d * d));
    }
}

/// <summary>One minute of the recording; null where the signal was not recorded in that minute.</summary>
/// <param name="Activity">From the accelerometer: the spread of the acceleration magnitude (g) × 4, capped at 1.</param>
public sealed record E4Minute(DateTimeOffset At, double? HeartRateBpm, double? HrvRmssdMs, double? EdaMicrosiemens, double? SkinTemperatureC, double? Activity);
