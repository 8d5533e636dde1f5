namespace Vigil.Server.Outbound;

/// <summary>
/// Where and how outbox messages are delivered. Without a <see cref="Url"/> nothing is sent and messages are
/// kept: configuring a URL later delivers everything recorded meanwhile, oldest first.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The minimum length of <see cref="Secret"/>: 32 characters, as much entropy as the HMAC key can use.</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>The receiver's absolute http(s) URL; messages are POSTed to it. Empty: messages are kept, not sent.</summary>
    public string? Url { get; set; }

    /// <summary>The shared HMAC-SHA256 key that signs every delivery; required with <see cref="Url"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>How long one delivery may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The longest wait between two tries of one message; waits double from 1 s up to this.</summary>
    public int MaxBackoffSeconds { get; set; } = 3600;

    /// <summary>How often the outbox is read for due messages.</summary>
    public int PollSeconds { get; set; } = 2;

    /// <summary>How many messages one node takes at a time.</summary>
    public int BatchSize { get; set; } = 50;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
