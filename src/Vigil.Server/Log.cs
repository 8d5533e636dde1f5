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

    // 40–49: what the rules read from the registry.
    [LoggerMessage(40, LogLevel.Warning, "Hotspot {HotspotId} left out of the hotspot index: {Reason}")]
    public static partial void HotspotLeftOut(this ILogger logger, Guid hotspotId, string reason);
}
