namespace Vigil.Server.Health;

/// <summary>A medical responder (an emergency dispatch centre, a commune health station) told at once of a possible overdose.</summary>
public sealed class MedicalResponder
{
    /// <summary>A short stable name (letters, digits, '-', '_', '.'; up to 64): the outbox addresses messages by it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The responder's absolute http(s) webhook URL.</summary>
    public string? Url { get; set; }

    /// <summary>The HMAC-SHA256 key that signs their deliveries, at least 32 characters.</summary>
    public string? Secret { get; set; }
}
