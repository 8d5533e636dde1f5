using Vigil.Domain.Time;

namespace Vigil.Domain.Rules;

/// <summary>
/// A half-open span of time [From, Until); an open end means "until further notice". The ends are kept as UTC ticks
/// (see <see cref="UtcTicks"/>): every active device actor's case holds a few windows, 32 bytes each instead of 56.
/// Equality is the instants', as for <see cref="DateTimeOffset"/>.
/// </summary>
public sealed record TimeWindow
{
    private readonly long _from;
    private readonly long _until;

    public TimeWindow(DateTimeOffset from, DateTimeOffset? until)
    {
        From = from;
        Until = until;
    }

    public DateTimeOffset From { get => new(_from, TimeSpan.Zero); init => _from = value.UtcTicks; }

    public DateTimeOffset? Until { get => UtcTicks.ToInstant(_until); init => _until = UtcTicks.Of(value); }

    public bool Contains(DateTimeOffset instant) => From <= instant && (Until is null || instant < Until);
}
