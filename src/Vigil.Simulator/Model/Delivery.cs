namespace Vigil.Simulator.Model;

/// <summary>
/// What reaches the server at <see cref="ReceivedAt"/>: one message as it is sent, a resend of one (a duplicate),
/// or a buffered upload after an outage (an array of up to 500, oldest first).
/// </summary>
public sealed record Delivery(string DeviceId, DateTimeOffset ReceivedAt, IReadOnlyList<WireMessage> Messages, bool Buffered)
{
    public byte[] Body() => WireMessage.Serialize(Messages, asArray: Buffered);
}
