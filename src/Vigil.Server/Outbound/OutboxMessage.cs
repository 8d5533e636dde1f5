namespace Vigil.Server.Outbound;

/// <summary>
/// An event waiting to be announced to the webhook receiver. It is written in the same transaction as the
/// change it announces, so a change is never committed without its message, nor a message without its change.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>What happened, dotted and lower case: <c>alert.raised</c>, <c>decision.signed</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>
    /// Who receives it: null for the webhook receiver (<c>Webhooks:Url</c>), otherwise the name of a medical responder
    /// (<c>Health:MedicalResponders</c>). A message for a receiver not configured is kept until one is.
    /// </summary>
    public string? Destination { get; init; }

    /// <summary>The event as JSON, sent as the <c>payload</c> of the webhook body.</summary>
    public required string Payload { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>How many deliveries were tried, successful or not.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next delivery may be tried; pushed ahead while a node holds the message (its lease).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When the receiver answered 2xx; null while the message is pending.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Why the last try failed, in a few words (an HTTP status or an error class); never a URL or a secret.</summary>
    public string? LastError { get; set; }
}
