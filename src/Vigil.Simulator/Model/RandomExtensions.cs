namespace Vigil.Simulator.Model;

/// <summary>The distributions the signal models draw from (a seeded <see cref="Random"/> is deterministic).</summary>
public static class RandomExtensions
{
    public static double Gaussian(this Random random, double mean = 0, double sd = 1)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + (sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    public static double Uniform(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    public static bool Chance(this Random random, double p) => random.NextDouble() < p;

    /// <summary>A log-normal draw with the given median: most short, a few long (outages, dwell times).</summary>
    public static double LogNormal(this Random random, double median, double sigma) => median * Math.Exp(random.Gaussian(0, sigma));

    public static TimeSpan Minutes(this Random random, double min, double max) => TimeSpan.FromMinutes(random.Uniform(min, max));

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
