using System.Globalization;

namespace Vigil.LoadHarness;

/// <summary>The whole machine's CPU counters (first line of /proc/stat), to see the database and the harness too.</summary>
internal static class MachineCpu
{
    /// <summary>Busy (user, nice, system, irq, softirq), stolen by the hypervisor, and all, in ticks since boot.</summary>
    public static (long Busy, long Steal, long Total) Read()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle - fields[7], fields[7], total);
    }
}
