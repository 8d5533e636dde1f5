using Vigil.Domain.Time;

namespace Vigil.Domain.Health;

/// <summary>
/// One person's usual resting heart rate, HRV, skin conductance and skin temperature, per quarter of the Vietnam day
/// (00–06, 06–12, 12–18, 18–24: sleep and the day's rhythm change all four). Sixteen <see cref="RobustStat"/>s, 48
/// numbers: small enough to live in the device actor's twin and be persisted with it.
/// </summary>
public sealed class PersonalBaseline
{
    public const int Buckets = 4;

    private static readonly int Signals = Enum.GetValues<VitalSign>().Length;

    /// <summary>The spread assumed before any data, per signal (bpm, ms, ln µS, °C); a quarter of it is the floor.</summary>
    private static readonly double[] Priors = [6, 10, 0.5, 0.5];

    /// <summary>Bucket-major: <c>Stats[bucket * 4 + (int)sign]</c>. Public for the twin's JSON.</summary>
    public RobustStat[] Stats { get; set; } = new RobustStat[Buckets * Signals];

    public static int BucketOf(DateTimeOffset at) => VietnamTime.ToLocal(at).Hour / (24 / Buckets);

    public ref RobustStat Of(DateTimeOffset at, VitalSign sign) => ref Stats[(BucketOf(at) * Signals) + (int)sign];

    public void Add(DateTimeOffset at, VitalSign sign, double value, int memory) => Of(at, sign).Add(value, Priors[(int)sign], memory);

    /// <summary>Whether the bucket of <paramref name="at"/> has learned enough heart-rate readings to judge deviations.</summary>
    public bool ReadyAt(DateTimeOffset at, int readings) => Of(at, VitalSign.HeartRate).Count >= readings;
}
