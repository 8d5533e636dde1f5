namespace Vigil.Domain.Health;

/// <summary>
/// A running robust estimate of one signal's usual level (<see cref="Center"/>) and spread (<see cref="Scale"/>, in the
/// signal's units, comparable to a standard deviation) in three numbers, with no history kept. Each reading moves the
/// estimates by its deviation clipped to three spreads (a Huber-type M-estimate), so an outlier moves them no more
/// than an ordinary reading; the step is 1/n while learning and 1/<c>memory</c> afterwards, so the baseline settles in
/// the first days and then follows slow changes over about <c>memory</c> readings. A mutable struct, held in place in
/// <see cref="PersonalBaseline"/>'s array: sixteen of them live in every device actor (P6), as objects they cost twice.
/// The two estimates are floats, not doubles (12 bytes a stat instead of 24): the arithmetic runs in double and only the
/// stored result is rounded, by at most half a float step — about 4e-6 bpm, ms or °C at these levels. Even if every
/// rounding went the same way over the ~3,000 readings the estimate remembers, the drift stays under 0.02 of the
/// signal's unit, well inside the spread floor (a quarter of the prior: 1.5 bpm, 2.5 ms, 0.125 ln µS, 0.125 °C).
/// </summary>
public struct RobustStat
{
    /// <summary>Mean absolute deviation × √(π/2) estimates σ for normal data.</summary>
    private const double MadToSigma = 1.2533;

    private const double Clip = 3;

    public float Center { get; set; }

    public float Scale { get; set; }

    public int Count { get; set; }

    /// <param name="prior">The spread assumed before any data (and the floor of the spread, as a share of it).</param>
    /// <param name="memory">How many readings the estimate averages over once it has learned (its slowness).</param>
    public void Add(double value, double prior, int memory)
    {
        if (Count == 0)
        {
            Center = (float)value;
            Scale = (float)prior;
            Count = 1;
            return;
        }

        Count = Count < int.MaxValue ? Count + 1 : Count;
        var rate = 1.0 / Math.Min(Count, memory);
        double center = Center, scale = Scale;
        var limit = Clip * scale;
        var deviation = Math.Clamp(value - center, -limit, limit);
        center += rate * deviation;
        scale += rate * ((Math.Min(Math.Abs(value - center), limit) * MadToSigma) - scale);
        Center = (float)center;
        Scale = (float)Math.Max(scale, prior * 0.25);
    }

    /// <summary>How many spreads <paramref name="value"/> is from the usual level.</summary>
    public readonly double ZScore(double value) => (value - Center) / Scale;
}
