namespace Vigil.Server.Outbound;

/// <summary>One receiver the dispatcher delivers to: the police webhook (<see cref="Name"/> null) or a named medical responder.</summary>
internal sealed record WebhookDestination(string? Name, string Url, string Secret);
