namespace Vigil.Simulator.Quality;

/// <summary>An alert the engine raised in a run: which device, which rule and condition, since when, and when it was raised.</summary>
public sealed record RaisedAlert(string DeviceId, string Rule, string Key, DateTimeOffset Since, DateTimeOffset At, string? Detail);
