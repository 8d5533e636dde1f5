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

    [LoggerMessage(201, LogLevel.Information, "Alert {AlertId} ({Rule}) escalated to province {ProvinceCode}")]
    public static partial void AlertEscalated(this ILogger logger, Guid alertId, string rule, string provinceCode);

    [LoggerMessage(202, LogLevel.Information, "Alert {AlertId} changed while being escalated; left as it is")]
    public static partial void EscalationSkipped(this ILogger logger, Guid alertId);

    [LoggerMessage(203, LogLevel.Error, "Alert escalation pass failed; retrying at the next tick")]
    public static partial void EscalationFailed(this ILogger logger, Exception exception);

    // Ingestion and MQTT: 100–149.
    [LoggerMessage(100, LogLevel.Warning, "Telemetry body from {DeviceId} over {Transport} refused: {Field}: {Reason}")]
    public static partial void TelemetryMalformed(this ILogger logger, string deviceId, string transport, string field, string reason);

    [LoggerMessage(101, LogLevel.Information, "Telemetry message {Seq} from {DeviceId} over {Transport} rejected: {Field}: {Reason}")]
    public static partial void TelemetryRejected(this ILogger logger, string deviceId, string transport, long? seq, string field, string reason);

    [LoggerMessage(102, LogLevel.Error, "A telemetry batch of {Uploads} uploads failed; storing them one by one")]
    public static partial void TelemetryBatchFailed(this ILogger logger, Exception exception, int uploads);

    [LoggerMessage(103, LogLevel.Error, "Telemetry from {DeviceId} could not be stored; it was not acknowledged")]
    public static partial void TelemetryUploadFailed(this ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(104, LogLevel.Error, "{Sink} failed on stored telemetry; the rows will be replayed from the store")]
    public static partial void TelemetrySinkFailed(this ILogger logger, Exception exception, string sink);

    [LoggerMessage(105, LogLevel.Warning, "MQTT connection of {ClientId} refused: {Reason}")]
    public static partial void MqttConnectRefused(this ILogger logger, string clientId, string reason);

    [LoggerMessage(106, LogLevel.Warning, "MQTT client {ClientId} refused on foreign topic {Topic}")]
    public static partial void MqttForeignTopic(this ILogger logger, string clientId, string topic);

    [LoggerMessage(107, LogLevel.Information, "Consuming device telemetry from the external broker {Host}:{Port}")]
    public static partial void ExternalBrokerConnected(this ILogger logger, string host, int port);

    [LoggerMessage(108, LogLevel.Warning, "External broker {Host}:{Port} unavailable: {Reason}; retrying")]
    public static partial void ExternalBrokerUnavailable(this ILogger logger, string host, int port, string reason);

    [LoggerMessage(109, LogLevel.Error, "Message on {Topic} from the external broker failed; it stays unacknowledged")]
    public static partial void ExternalMessageFailed(this ILogger logger, Exception exception, string topic);

    [LoggerMessage(112, LogLevel.Error, "Telemetry retention failed; it runs again in an hour")]
    public static partial void RetentionFailed(this ILogger logger, Exception exception);

    [LoggerMessage(111, LogLevel.Information, "The embedded MQTT broker listens on port {Port}")]
    public static partial void MqttListening(this ILogger logger, int port);

    [LoggerMessage(113, LogLevel.Information, "Telemetry partition {Partition} is closed (no upload can reach it any more): vacuumed and frozen")]
    public static partial void TelemetryPartitionVacuumed(this ILogger logger, string partition);

    [LoggerMessage(110, LogLevel.Information, "Telemetry retention dropped {Partitions} partitions / {Rows} rows before {Cutoff}")]
    public static partial void TelemetryRetained(this ILogger logger, int partitions, int rows, string cutoff);

    // Actors and rules: 250–299.
    [LoggerMessage(250, LogLevel.Error, "Device actor {DeviceId} could not commit; it will replay from the store")]
    public static partial void TwinNotCommitted(this ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(251, LogLevel.Warning, "Stored telemetry of {DeviceId} did not reach its actor; it stays above the watermark for replay")]
    public static partial void DeliveryFailed(this ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(252, LogLevel.Error, "The deadline sweep failed; it runs again at the next interval")]
    public static partial void SweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(253, LogLevel.Warning, "The actors of person {PersonId} could not be refreshed after a case change")]
    public static partial void RefreshFailed(this ILogger logger, Exception exception, Guid personId);

    // 40–49: what the rules read from the registry.
    [LoggerMessage(40, LogLevel.Warning, "Hotspot {HotspotId} left out of the hotspot index: {Reason}")]
    public static partial void HotspotLeftOut(this ILogger logger, Guid hotspotId, string reason);
    [LoggerMessage(20, LogLevel.Information, "Webhooks: no Webhooks:Url and no Health:MedicalResponders configured; outbox messages are kept until one is")]
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

    [LoggerMessage(300, LogLevel.Information, "Demo fleet started: {Wearers} simulated wearers ({Mqtt} over MQTT, {Https} over HTTPS), days running {Speed}× faster")]
    public static partial void DemoFleetStarted(this ILogger logger, int wearers, int mqtt, int https, double speed);

    [LoggerMessage(301, LogLevel.Information, "Demo fleet: {Sent} messages sent, {Acked} acknowledged, {Rejected} refused, {Failed} failed")]
    public static partial void DemoFleetProgress(this ILogger logger, long sent, long acked, long rejected, long failed);

    [LoggerMessage(302, LogLevel.Warning, "Demo fleet: a send failed: {Error}")]
    public static partial void DemoFleetSendFailed(this ILogger logger, string error);

    [LoggerMessage(303, LogLevel.Warning, "Demo fleet not started: {Reason}")]
    public static partial void DemoFleetNotStarted(this ILogger logger, string reason);

    [LoggerMessage(310, LogLevel.Information, "Gathering {GatheringId}: {Members} people within {SpreadMeters:0} m since {Since}; alerts raised for {Raised}")]
    public static partial void GatheringRaised(this ILogger logger, Guid gatheringId, int members, double spreadMeters, DateTimeOffset since, int raised);

    [LoggerMessage(311, LogLevel.Information, "Gathering {GatheringId} ended after {Minutes:0} minutes")]
    public static partial void GatheringEnded(this ILogger logger, Guid gatheringId, double minutes);

    [LoggerMessage(312, LogLevel.Error, "Gathering evaluation failed; the next pass will try again")]
    public static partial void GatheringPassFailed(this ILogger logger, Exception exception);

    [LoggerMessage(313, LogLevel.Information, "Gatherings taken up after a restart: {Gatherings} open, {Members} members, {Fixes} recent fixes reloaded")]
    public static partial void GatheringsRestored(this ILogger logger, int gatherings, int members, int fixes);

    [LoggerMessage(320, LogLevel.Error, "Device {DeviceId} not told of its vitals watch; it falls back to its interval at the watch's end")]
    public static partial void VitalsWatchCommandFailed(this ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(330, LogLevel.Information, "Compliance pass done: {Changes} tier changes")]
    public static partial void CompliancePassed(this ILogger logger, int changes);

    [LoggerMessage(331, LogLevel.Error, "Compliance pass failed; the next pass will try again")]
    public static partial void CompliancePassFailed(this ILogger logger, Exception exception);

    [LoggerMessage(332, LogLevel.Information, "Device {DeviceId} told to report every {Seconds} s ({Reason})")]
    public static partial void DeviceCommandSent(this ILogger logger, string deviceId, int seconds, string reason);

    [LoggerMessage(333, LogLevel.Warning, "Device {DeviceId} not told its reporting interval: {Reason}")]
    public static partial void DeviceCommandNotSent(this ILogger logger, string deviceId, string reason);
}
