namespace Vigil.Simulator.Quality;

/// <summary>
/// An alert the engine raised in a run: which device, which rule and condition, since when, when it was raised
/// (<see cref="At"/>, measurement time) and when the server could have raised it (<see cref="DecidedAt"/>: the arrival of
/// the message that decided it, or the sweep's tick — later than <see cref="At"/> when the data was buffered).
/// </summary>
public sealed record RaisedAlert(string DeviceId, string Rule, string Key, DateTimeOffset Since, DateTimeOffset At, string? Detail, DateTimeOffset DecidedAt);
