namespace Vigil.Server;

/// <summary>Every log message of the server, source-generated, with stable event ids. Never log secrets or health values.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Case registry ready on {Database}")]
    public static partial void DatabaseReady(this ILogger logger, string database);

    [LoggerMessage(2, LogLevel.Information, "Vigil is listening on {Url}")]
    public static partial void Listening(this ILogger logger, string url);

    [LoggerMessage(3, LogLevel.Warning, "Log-in refused for {Username}: {Reason}")]
    public static partial void LoginRefused(this ILogger logger, string username, string reason);

    [LoggerMessage(4, LogLevel.Information, "User {Username} logged in as {Role}")]
    public static partial void LoggedIn(this ILogger logger, string username, string role);

    [LoggerMessage(5, LogLevel.Error, "Unhandled error on {Method} {Path}")]
    public static partial void Unhandled(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(6, LogLevel.Information, "Demo seed written: {Officers} officers, {People} people, {Devices} devices; credentials in {Path}")]
    public static partial void DemoSeeded(this ILogger logger, int officers, int people, int devices, string path);

    [LoggerMessage(7, LogLevel.Information, "Demo data already present; credentials remain in {Path}")]
    public static partial void DemoAlreadySeeded(this ILogger logger, string path);

    [LoggerMessage(8, LogLevel.Warning, "Audit chain broken at entry {Sequence}: {Reason}")]
    public static partial void AuditBroken(this ILogger logger, long sequence, string reason);

    [LoggerMessage(20, LogLevel.Information, "Webhooks: no Webhooks:Url configured; outbox messages are kept until one is")]
    public static partial void WebhooksDisabled(this ILogger logger);

    [LoggerMessage(21, LogLevel.Debug, "Webhook {MessageId} ({Kind}) delivered on try {Attempt}")]
    public static partial void WebhookDelivered(this ILogger logger, Guid messageId, string kind, int attempt);

    [LoggerMessage(22, LogLevel.Warning, "Webhook {MessageId} ({Kind}) try {Attempt} failed: {Error}; next try at {RetryAt}")]
    public static partial void WebhookFailed(this ILogger logger, Guid messageId, string kind, int attempt, string error, DateTimeOffset retryAt);

    [LoggerMessage(23, LogLevel.Error, "Webhook round failed; the next round retries")]
    public static partial void WebhookRoundFailed(this ILogger logger, Exception exception);

    [LoggerMessage(30, LogLevel.Debug, "Live feed: {User} ({Role}) joined {Group}")]
    public static partial void LiveJoined(this ILogger logger, string user, string role, string group);

    [LoggerMessage(31, LogLevel.Warning, "Live feed: connection of {User} ({Role}) refused: no jurisdiction")]
    public static partial void LiveRefused(this ILogger logger, string user, string role);

    [LoggerMessage(32, LogLevel.Warning, "Live feed: a held position of person {PersonId} could not be pushed")]
    public static partial void LivePushFailed(this ILogger logger, Exception exception, Guid personId);
}
