namespace Vigil.Server.Actors;

/// <summary>
/// What every device actor uses, resolved once: the actor keeps one reference to this instead of eight of its own
/// (56 bytes less in each of hundreds of thousands of active actors; P6, docs/benchmarks.md).
/// </summary>
internal sealed class DeviceGrainServices(IServiceScopeFactory scopes, RuleEngineProvider engines, RegistryChanges registry, TimeProvider clock,
    LiveUpdates live, RulesMetrics metrics, Health.VitalsWatchCommands watches, ILogger<DeviceGrain> logger)
{
    public IServiceScopeFactory Scopes => scopes;

    public RuleEngineProvider Engines => engines;

    public RegistryChanges Registry => registry;

    public TimeProvider Clock => clock;

    public LiveUpdates Live => live;

    public RulesMetrics Metrics => metrics;

    public Health.VitalsWatchCommands Watches => watches;

    public ILogger<DeviceGrain> Logger => logger;
}
