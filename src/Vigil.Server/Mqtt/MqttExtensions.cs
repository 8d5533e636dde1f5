using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using MQTTnet.AspNetCore;

namespace Vigil.Server.Mqtt;

public static class MqttExtensions
{
    /// <summary>The wristbands' MQTT transport: the embedded broker on its own Kestrel port, or an external broker's consumer.</summary>
    public static WebApplicationBuilder AddVigilMqtt(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(MqttOptions.Section).Get<MqttOptions>() ?? new MqttOptions();
        builder.Services.AddSingleton<DeviceCommands>();
        if (options.Mode == MqttMode.External)
        {
            builder.Services.AddHostedService<ExternalBrokerConsumer>();
        }

        if (options.Mode != MqttMode.Embedded)
        {
            return builder;
        }

        builder.Services.AddSingleton<EmbeddedBroker>();
        builder.Services.AddHostedMqttServer(o => o.WithoutDefaultEndpoint());
        builder.Services.AddMqttConnectionHandler();
        builder.Services.AddConnections();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // Listening in code replaces the configured URLs, so the HTTP addresses are bound here too.
            foreach (var url in (context.Configuration["urls"] ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                ListenHttp(kestrel, new Uri(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal)));
            }

            kestrel.ListenAnyIP(options.Port, listen => listen.UseMqtt());
        });
        return builder;
    }

    public static void MapVigilMqtt(this WebApplication app)
    {
        if (app.Services.GetService<EmbeddedBroker>() is { } broker)
        {
            app.UseMqttServer(broker.Attach);
        }
    }

    private static void ListenHttp(KestrelServerOptions kestrel, Uri url)
    {
        if (url.Host == "localhost")
        {
            kestrel.ListenLocalhost(url.Port);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(url.Host), url.Port);
        }
    }
}
