using Microsoft.Extensions.Options;
using Vigil.Domain.Rules;
using Vigil.Server.Rules;

namespace Vigil.Server.Actors;

/// <summary>The rules engine every actor shares: the configured options and the hotspot index, rebuilt when hotspots change.</summary>
public sealed class RuleEngineProvider(IServiceScopeFactory scopes, RegistryChanges changes, IOptions<RuleOptions> options)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private (long Generation, RuleEngine Engine)? _current;

    public async ValueTask<RuleEngine> GetAsync(CancellationToken ct)
    {
        var generation = changes.HotspotGeneration;
        if (_current is { } current && current.Generation == generation)
        {
            return current.Engine;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_current is { } loaded && loaded.Generation == generation)
            {
                return loaded.Engine;
            }

            await using var scope = scopes.CreateAsyncScope();
            var hotspots = await scope.ServiceProvider.GetRequiredService<HotspotIndexLoader>().LoadAsync(ct);
            var engine = new RuleEngine(options.Value, hotspots);
            _current = (generation, engine);
            return engine;
        }
        finally
        {
            _loading.Release();
        }
    }
}
