namespace Vigil.Domain.Time;

/// <summary>
/// An optional instant kept in a <c>long</c> field as its UTC ticks, 0 meaning none. A <c>DateTimeOffset?</c> field
/// takes 24 bytes of an object (the ticks, the offset, the has-value flag and padding), the ticks 8: every active
/// device actor's twin holds sixteen such instants (P6, docs/benchmarks.md). The instant reads back in UTC (offset
/// zero), which is how the rules receive and keep every time; 0 ticks is 0001-01-01, never a time the rules keep.
/// </summary>
public static class UtcTicks
{
    public static long Of(DateTimeOffset? instant) => instant?.UtcTicks ?? 0;

    public static DateTimeOffset? ToInstant(long utcTicks) => utcTicks == 0 ? null : new DateTimeOffset(utcTicks, TimeSpan.Zero);
}
