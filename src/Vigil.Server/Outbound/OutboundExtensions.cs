namespace Vigil.Server.Outbound;

public static class OutboundExtensions
{
    /// <summary>The webhook outbox: its options (validated at start), the HTTP client and the dispatcher.</summary>
    public static IHostApplicationBuilder AddVigilOutbound(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName, client =>
            {
                // The dispatcher times each try on the injected clock (Webhooks:TimeoutSeconds).
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Vigil-Webhooks/1");
            })
            // A redirected POST would turn into a GET to wherever the receiver points: a 3xx is a failure instead.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WebhookDispatcher>());
        return builder;
    }
}
