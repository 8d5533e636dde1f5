using System.Globalization;

namespace Vigil.LoadHarness;

/// <summary>CPU time and resident memory of a process, read from /proc (Linux), so the server is measured from outside.</summary>
internal static class ProcessStats
{
    /// <summary>USER_HZ: the unit of utime/stime in /proc/[pid]/stat (100 on every mainstream Linux build).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>User and system CPU seconds used so far.</summary>
    public static (double User, double System) CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may contain spaces; the fields after it are space-separated (utime is the 14th field overall).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) / TicksPerSecond, long.Parse(fields[12], CultureInfo.InvariantCulture) / TicksPerSecond);
    }

    /// <summary>The resident set (VmRSS) in bytes: what "working set" means on Linux.</summary>
    public static long WorkingSetBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    public static string CpuModel()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return model is null ? "unknown" : model[(model.IndexOf(':') + 1)..].Trim();
    }
}
