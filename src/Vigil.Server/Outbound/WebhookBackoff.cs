namespace Vigil.Server.Outbound;

/// <summary>
/// When to try a failed message again: 1 s after the first failure, doubling with each failure up to the cap,
/// each wait drawn between half and all of that (jitter), so that many messages failing together do not retry together.
/// </summary>
public static class WebhookBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait after <paramref name="failures"/> failures (≥ 1); the actual wait is between half and this.</summary>
    public static TimeSpan Ceiling(int failures, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var doubled = First * Math.Pow(2, Math.Min(failures - 1, 30));
        return doubled < max ? doubled : max;
    }

    /// <summary>The wait after <paramref name="failures"/> failures; <paramref name="random"/> in [0, 1) picks the jitter.</summary>
    public static TimeSpan Delay(int failures, TimeSpan max, double random)
    {
        var ceiling = Ceiling(failures, max);
        return ceiling / 2 + ceiling / 2 * random;
    }
}
