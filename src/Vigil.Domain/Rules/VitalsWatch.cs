namespace Vigil.Domain.Rules;

/// <summary>
/// A vitals watch begun (<see cref="Started"/>: report every <see cref="IntervalSeconds"/> until <see cref="Until"/>) or
/// ended (go back to the usual interval). Not an alert: it only asks the band for readings close enough together that a
/// possible overdose is seen within seconds of its criterion. <see cref="Reason"/> says why, without health values.
/// </summary>
public sealed record VitalsWatch(bool Started, DateTimeOffset At, int IntervalSeconds, DateTimeOffset Until, string Reason);
