using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenTelemetry.Metrics;
using Vigil.Server.Api;
using Vigil.Server.Seed;

namespace Vigil.Server;

internal static class HostingExtensions
{
    /// <summary>Structured logs: one line per event by default, JSON with <c>Logging:Format=json</c>.</summary>
    public static IHostApplicationBuilder AddVigilLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Configuration["Logging:Format"] == "json")
        {
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
            });
        }

        if (builder is WebApplicationBuilder web)
        {
            web.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestSizeLimit.DefaultBytes);
        }

        return builder;
    }

    /// <summary>
    /// OpenTelemetry metrics of ingestion and the rules (plus ASP.NET Core's and Kestrel's own), scraped by Prometheus
    /// at <c>/metrics</c>. Aggregates only: no person, device id or value leaves through them.
    /// </summary>
    public static IHostApplicationBuilder AddVigilMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(Ingestion.IngestionMetrics.MeterName, Actors.RulesMetrics.MeterName)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return builder;
    }

    public static void MapVigilMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();

    public static IHostApplicationBuilder AddVigilDemo(this IHostApplicationBuilder builder, bool enabled)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section)
            .PostConfigure(o => o.Enabled |= enabled).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddHostedService<DemoFleet>();
        return builder;
    }

    public static async Task SeedDemoIfEnabledAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value.Enabled)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }
    }

    /// <summary>Prints the addresses Vigil listens on once Kestrel has bound them.</summary>
    public static void AnnounceUrlsOnStart(this WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var mqtt = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Mqtt.MqttOptions>>().Value;
        var mqttPort = mqtt.Mode == Mqtt.MqttMode.Embedded ? mqtt.Port : -1;
        foreach (var address in addresses.Where(a => !a.EndsWith($":{mqttPort}", StringComparison.Ordinal)))
        {
            app.Logger.Listening(address);
            Console.WriteLine($"Vigil is listening on {address} — API docs at {address}/scalar, health at {address}/health");
        }

        if (mqttPort >= 0)
        {
            app.Logger.MqttListening(mqttPort);
            Console.WriteLine($"Wristbands connect over MQTT on port {mqttPort} (topic v1/devices/{{deviceId}}/telemetry)");
        }
    });
}
