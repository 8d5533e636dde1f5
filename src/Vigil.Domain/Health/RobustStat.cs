namespace Vigil.Domain.Health;

/// <summary>
/// A running robust estimate of one signal's usual level (<see cref="Center"/>) and spread (<see cref="Scale"/>, in the
/// signal's units, comparable to a standard deviation) in three numbers, with no history kept. Each reading moves the
/// estimates by its deviation clipped to three spreads (a Huber-type M-estimate), so an outlier moves them no more
/// than an ordinary reading; the step is 1/n while learning and 1/<c>memory</c> afterwards, so the baseline settles in
/// the first days and then follows slow changes over about <c>memory</c> readings. A mutable struct, held in place in
/// <see cref="PersonalBaseline"/>'s array: sixteen of them live in every device actor (P6), as objects they cost twice.
/// </summary>
public struct RobustStat
{
    /// <summary>Mean absolute deviation × √(π/2) estimates σ for normal data.</summary>
    private const double MadToSigma = 1.2533;

    private const double Clip = 3;

    public double Center { get; set; }

    public double Scale { get; set; }

    public int Count { get; set; }

    /// <param name="prior">The spread assumed before any data (and the floor of the spread, as a share of it).</param>
    /// <param name="memory">How many readings the estimate averages over once it has learned (its slowness).</param>
    public void Add(double value, double prior, int memory)
    {
        if (Count == 0)
        {
            Center = value;
            Scale = prior;
            Count = 1;
            return;
        }

        Count = Count < int.MaxValue ? Count + 1 : Count;
        var rate = 1.0 / Math.Min(Count, memory);
        var limit = Clip * Scale;
        var deviation = Math.Clamp(value - Center, -limit, limit);
        Center += rate * deviation;
        Scale += rate * ((Math.Min(Math.Abs(value - Center), limit) * MadToSigma) - Scale);
        Scale = Math.Max(Scale, prior * 0.25);
    }

    /// <summary>How many spreads <paramref name="value"/> is from the usual level.</summary>
    public readonly double ZScore(double value) => (value - Center) / Scale;
}
