namespace Vigil.Domain.Time;

/// <summary>
/// Vietnam keeps UTC+7 all year (no daylight saving). Everything is stored in UTC; this converts at the
/// edges where people read times and where schedules and "the night" are judged.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The UTC instant at which the given Vietnam calendar day begins.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
