namespace Vigil.Domain.Telemetry;

/// <summary>One message of a body that broke a rule; the other messages of the body are unaffected.</summary>
/// <param name="Index">The message's position in the body (0 for a single-object body).</param>
/// <param name="Seq">The message's <c>seq</c> when it was valid, so the device can be told which one failed.</param>
/// <param name="Field">The JSON path of the offending field within the message, e.g. <c>fix.lat</c> or <c>events[2]</c>.</param>
/// <param name="Reason">A short sentence stating the rule and the value sent.</param>
public sealed record Rejection(int Index, long? Seq, string Field, string Reason);
