using Vigil.Server.Rules;

namespace Vigil.Server.Actors;

/// <summary>When a person's case changes in the registry, refreshes the actors of their devices so deadlines are re-armed at once.</summary>
internal sealed class CaseRefresher(RegistryChanges changes, IServiceScopeFactory scopes, DeviceGrains grains, ILogger<CaseRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var person in changes.ChangedPeople.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var devices = await scope.ServiceProvider.GetRequiredService<CaseSnapshotLoader>().DevicesOfPersonAsync(person, stoppingToken);
                await Task.WhenAll(devices.Select(id => grains[id].RefreshAsync()));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.RefreshFailed(e, person);
            }
        }
    }
}
