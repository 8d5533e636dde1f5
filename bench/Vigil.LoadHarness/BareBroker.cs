using MQTTnet.Server;

namespace Vigil.LoadHarness;

/// <summary>
/// The broker-only mode's server: a bare MQTTnet broker (its own TCP transport) that accepts every device and
/// acknowledges and drops every message, so the same clients and rate measure what MQTT alone costs.
/// </summary>
internal static class BareBroker
{
    public static async Task<int> RunAsync(int port)
    {
        var options = new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(port).Build();
        using var server = new MqttServerFactory().CreateMqttServer(options);
        server.InterceptingPublishAsync += e =>
        {
            e.ProcessPublish = false;
            return Task.CompletedTask;
        };
        await server.StartAsync();
        Console.WriteLine($"bare broker on :{port}");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
