using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Health;

/// <summary>
/// How far one resting reading is from the person's own baseline in the direction of stress or arousal: heart rate
/// up, HRV down, skin conductance up (sympathetic activation), skin temperature down (peripheral vasoconstriction,
/// weighted half: room temperature moves it too). Each part is a z-score against the baseline of the same quarter of
/// the day, clipped to ±5 so no single sensor decides; the score is their weighted mean (0 = usual, 3 = far off).
/// </summary>
public sealed record ArousalScore(double Score, double? HeartRateZ, double? HrvZ, double? EdaZ, double? TemperatureZ)
{
    private const double Clip = 5;

    /// <summary>Null when the reading has neither heart rate nor skin conductance (nothing to judge arousal by).</summary>
    public static ArousalScore? Of(PersonalBaseline baseline, DateTimeOffset at, Vitals vitals)
    {
        var hr = Z(baseline, at, VitalSign.HeartRate, vitals.HeartRateBpm);
        var hrv = Z(baseline, at, VitalSign.HeartRateVariability, vitals.HrvRmssdMs);
        var eda = Z(baseline, at, VitalSign.LogEda, LogEda(vitals.EdaMicrosiemens));
        var temp = Z(baseline, at, VitalSign.SkinTemperature, vitals.SkinTemperatureC);
        if (hr is null && eda is null)
        {
            return null;
        }

        double sum = 0, weight = 0;
        Add(ref sum, ref weight, hr, 1);
        Add(ref sum, ref weight, -hrv, 1);
        Add(ref sum, ref weight, eda, 1);
        Add(ref sum, ref weight, -temp, 0.5);
        return new ArousalScore(sum / weight, hr, hrv, eda, temp);
    }

    /// <summary>Skin conductance on a log scale; a floor of 0.01 µS keeps a dry-skin zero finite.</summary>
    public static double? LogEda(double? microsiemens) => microsiemens is { } v ? Math.Log(Math.Max(v, 0.01)) : null;

    private static double? Z(PersonalBaseline baseline, DateTimeOffset at, VitalSign sign, double? value) =>
        value is { } v && baseline.Of(at, sign) is { Count: > 0 } stat ? Math.Clamp(stat.ZScore(v), -Clip, Clip) : null;

    private static void Add(ref double sum, ref double weight, double? z, double w)
    {
        if (z is { } value)
        {
            sum += w * value;
            weight += w;
        }
    }
}
