using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Server.Data;
using Vigil.Server.Mqtt;
using Vigil.Simulator.Live;
using Vigil.Simulator.Model;

namespace Vigil.Server.Seed;

/// <summary>
/// The demo's simulated fleet (<c>--demo</c>): once the server listens, every seeded wearer's band is driven in real
/// time — over MQTT to the embedded broker, and a share over the HTTPS upload — through the same path as real bands.
/// Each wearer lives their own day (home, work, errands) from the registered residence and workplace, compressed
/// <see cref="DemoOptions.FleetSpeed"/> times so people visibly move; timestamps stay real, so every rule judges
/// real time. One wearer in 20 each opens the case, visits a hotspot, takes the band off… (see <see cref="Vigil.Simulator.Scenarios.DemoScenario"/>).
/// </summary>
internal sealed class DemoFleet(IServiceScopeFactory scopes, IOptions<DemoOptions> demo, IOptions<StorageOptions> storage, IOptions<MqttOptions> mqtt,
    IServer server, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<DemoFleet> logger) : BackgroundService
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!demo.Value.Fleet)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var path = Path.Combine(Path.GetFullPath(storage.Value.DataFolder), demo.Value.CredentialsFile);
        if (!File.Exists(path))
        {
            logger.DemoFleetNotStarted($"no demo credentials at {path}; start with --demo to seed them");
            return;
        }

        List<FleetMember> members;
        try
        {
            members = await LoadAsync(path, mqtt.Value.Mode == MqttMode.Embedded, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The demo fleet is a guest: whatever goes wrong with it must not stop Vigil.
            logger.DemoFleetNotStarted(e.Message);
            return;
        }

        // The fleet stops as soon as Vigil starts to stop, not when its turn among the hosted services comes: bands still
        // sending would keep the device actors busy while the silo waits for them to deactivate (a 30 s stop).
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        stoppingToken = stopping.Token;
        await using var fleet = new LiveFleet(members, "127.0.0.1", mqtt.Value.Port, HttpBase(), clock);
        await fleet.ConnectAsync(stoppingToken);
        var https = members.Count(m => m.Transport == Transport.Https);
        logger.DemoFleetStarted(members.Count, members.Count - https, https, demo.Value.FleetSpeed);
        using var progress = new PeriodicTimer(ReportEvery, clock);
        var reporting = ReportAsync(fleet, progress, stoppingToken);
        try
        {
            await fleet.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await reporting;
    }

    private async Task ReportAsync(LiveFleet fleet, PeriodicTimer timer, CancellationToken ct)
    {
        string? reported = null;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                logger.DemoFleetProgress(fleet.Sent, fleet.Acked, fleet.Rejected, fleet.Failed);
                if (fleet.LastError is { } error && error != reported)
                {
                    logger.DemoFleetSendFailed(error);
                    reported = error;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task<List<FleetMember>> LoadAsync(string credentialsPath, bool mqttEmbedded, CancellationToken ct)
    {
        var credentials = JsonSerializer.Deserialize<DemoCredentials>(await File.ReadAllTextAsync(credentialsPath, ct), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"The demo credentials at {credentialsPath} are empty.");
        var devices = credentials.Devices.Where(d => d.PersonId is not null).ToList();
        var personIds = devices.Select(d => d.PersonId!.Value).ToList();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var homes = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.ResidenceLat, p.ResidenceLon, p.CommuneCode }).ToDictionaryAsync(p => p.Id, ct);
        var versions = await db.ScopeVersions.AsNoTracking().Where(v => personIds.Contains(v.PersonId) && v.EffectiveUntil == null)
            .Select(v => new { v.Id, v.PersonId }).ToDictionaryAsync(v => v.Id, v => v.PersonId, ct);
        var versionIds = versions.Keys.ToList();
        var zones = (await db.Zones.AsNoTracking().Where(z => versionIds.Contains(z.ScopeVersionId))
            .Select(z => new { z.ScopeVersionId, z.Kind, z.GeometryGeoJson, z.CenterLat, z.CenterLon, z.RadiusMeters }).ToListAsync(ct))
            .ToLookup(z => versions[z.ScopeVersionId], z => new RegisteredZone(z.Kind, z.GeometryGeoJson, z.CenterLat, z.CenterLon, z.RadiusMeters));

        var wearers = devices
            .Select(d => homes.TryGetValue(d.PersonId!.Value, out var home) && home.ResidenceLat is { } lat && home.ResidenceLon is { } lon
                ? new RegisteredWearer(d.DeviceId, d.Secret, home.Id, home.CommuneCode, new GeoPoint(lat, lon), zones[home.Id].ToList())
                : null)
            .OfType<RegisteredWearer>();
        return FleetWearers.Build(wearers, clock.GetUtcNow(), demo.Value.FleetSpeed, demo.Value.FleetHttpsShare, mqttEmbedded);
    }

    /// <summary>This server's own HTTP address, for the bands that upload over HTTPS.</summary>
    private Uri HttpBase()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal) && !a.EndsWith($":{mqtt.Value.Port}", StringComparison.Ordinal))
            ?? addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
        var uri = new UriBuilder(address.Replace("+", "127.0.0.1", StringComparison.Ordinal).Replace("*", "127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
