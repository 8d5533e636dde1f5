namespace Vigil.Domain.Telemetry;

/// <summary>The wear and tamper switches; each is null when not reported.</summary>
/// <param name="Strap">The strap circuit.</param>
/// <param name="SkinContact">Whether the sensor touches skin (the band is worn).</param>
/// <param name="Case">The case tamper switch.</param>
public sealed record WearReading(StrapState? Strap, bool? SkinContact, CaseState? Case);
