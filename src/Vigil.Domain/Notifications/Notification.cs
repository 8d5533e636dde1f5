namespace Vigil.Domain.Notifications;

/// <summary>A message to one user's inbox (a wearer, or the guardian of a minor).</summary>
public sealed class Notification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RecipientUserId { get; init; }

    public Guid? PersonId { get; init; }

    /// <summary>A stable kind, e.g. "decision-signed"; the text is localised from it.</summary>
    public required string Kind { get; init; }

    public required string TitleVi { get; init; }

    public required string TitleEn { get; init; }

    public required string BodyVi { get; init; }

    public required string BodyEn { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }
}
