namespace Vigil.Domain.Health;

/// <summary>The signals a person's baseline is kept for, in the order of <see cref="PersonalBaseline.Stats"/>.</summary>
public enum VitalSign
{
    HeartRate,
    HeartRateVariability,

    /// <summary>Skin conductance, kept as its logarithm (it varies by factors, not by steps).</summary>
    LogEda,

    SkinTemperature,
}
