namespace Vigil.Domain.Alerts;

/// <summary>An officer's note on an alert. Immutable once written, like the audit log.</summary>
public sealed class AlertNote
{
    public const int MaxLength = 2000;

    private AlertNote()
    {
    }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AlertId { get; private init; }

    public Guid AuthorUserId { get; private init; }

    public DateTimeOffset At { get; private init; }

    public string Text { get; private init; } = "";

    public static AlertNote Write(Guid alertId, Guid authorUserId, DateTimeOffset at, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("text", "required", "A note needs some text.");
        }

        var trimmed = text.Trim();
        return trimmed.Length > MaxLength
            ? throw new DomainException("text", "too-long", $"A note may be at most {MaxLength} characters; it has {trimmed.Length}.")
            : new AlertNote { AlertId = alertId, AuthorUserId = authorUserId, At = at.ToUniversalTime(), Text = trimmed };
    }
}
