using System.Text.Json;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Data.Configurations;

namespace Vigil.Server.Outbound;

/// <summary>
/// Announces a change to the webhook receiver. <see cref="Enqueue"/> only adds a row: the caller saves it in
/// the same transaction as the change, and <see cref="WebhookDispatcher"/> delivers it afterwards (at least once).
/// </summary>
public static class Outbox
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>Adds a message of <paramref name="kind"/> (e.g. <c>alert.raised</c>) carrying <paramref name="payload"/> as JSON.</summary>
    /// <param name="destination">Null for the webhook receiver; a medical responder's name for theirs.</param>
    public static OutboxMessage Enqueue(VigilDbContext db, string kind, object payload, DateTimeOffset now, string? destination = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(payload);
        if (string.IsNullOrWhiteSpace(kind) || kind.Length > OutboxMessageConfiguration.KindMaxLength)
        {
            throw new ArgumentException($"A message kind is 1 to {OutboxMessageConfiguration.KindMaxLength} characters, e.g. \"alert.raised\".", nameof(kind));
        }

        var message = new OutboxMessage
        {
            Kind = kind,
            Destination = destination,
            Payload = JsonSerializer.Serialize(payload, payload.GetType(), Json),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Add(message);
        return message;
    }

    /// <summary>The API's conventions (camelCase names and enum values), so a payload reads like the API's answers.</summary>
    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiExtensions.Configure(options);
        return options;
    }
}
