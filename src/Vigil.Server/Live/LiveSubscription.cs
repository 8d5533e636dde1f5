namespace Vigil.Server.Live;

/// <summary>
/// Sent to a connection once it has joined its group (client method <c>subscribed</c>): from then on it
/// receives every push of its jurisdiction. <paramref name="Group"/> is <c>unit:{id}</c>, <c>province:{code}</c> or <c>nation</c>.
/// </summary>
public sealed record LiveSubscription(string Group);
