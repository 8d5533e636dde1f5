using Vigil.Domain.Rules;
using Vigil.Server.Ingestion;

namespace Vigil.Server.Actors;

public static class ActorsExtensions
{
    /// <summary>
    /// The device actors: an Orleans silo inside the process (localhost clustering; the same grains run in a
    /// cluster when clustering is configured), the dispatcher from the store to the actors, the deadline sweep,
    /// and the refresher that re-arms deadlines when a case changes.
    /// </summary>
    public static WebApplicationBuilder AddVigilActors(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ActorOptions>().BindConfiguration(ActorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RuleOptions>().BindConfiguration("Rules");
        var options = builder.Configuration.GetSection(ActorOptions.Section).Get<ActorOptions>() ?? new ActorOptions();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: "vigil", clusterId: "vigil");
            silo.Configure<Orleans.Configuration.GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(30));
            // One silo owns the whole grain directory, so a lookup is a local read: a cache of grain locations (an LRU
            // entry, ~230 bytes per active device; P6) would only copy it. A multi-silo cluster should turn it back on.
            silo.Configure<Orleans.Configuration.GrainDirectoryOptions>(o => o.CachingStrategy = Orleans.Configuration.GrainDirectoryOptions.CachingStrategyType.None);
        });
        builder.Services.AddSingleton<DeviceGrainServices>();
        builder.Services.AddSingleton<RuleEngineProvider>();
        builder.Services.AddSingleton<LiveUpdates>();
        builder.Services.AddSingleton<RulesMetrics>();
        builder.Services.AddSingleton<DeviceGrains>();
        builder.Services.AddSingleton<RulesDispatcher>();
        builder.Services.AddSingleton<IStoredTelemetrySink>(sp => sp.GetRequiredService<RulesDispatcher>());
        builder.Services.AddSingleton<DeadlineSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineSweeper>());
        builder.Services.AddHostedService<CaseRefresher>();
        return builder;
    }
}
