namespace Vigil.Simulator.Quality;

/// <summary>A member who joined a raised gathering later, and when (the evaluation that raised them).</summary>
public sealed record MemberJoin(string DeviceId, DateTimeOffset At);
