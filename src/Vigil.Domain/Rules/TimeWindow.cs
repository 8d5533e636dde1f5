namespace Vigil.Domain.Rules;

/// <summary>A half-open span of time [From, Until); an open end means "until further notice".</summary>
public sealed record TimeWindow(DateTimeOffset From, DateTimeOffset? Until)
{
    public bool Contains(DateTimeOffset instant) => From <= instant && (Until is null || instant < Until);
}
