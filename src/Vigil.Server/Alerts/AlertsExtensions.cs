namespace Vigil.Server.Alerts;

public static class AlertsExtensions
{
    /// <summary>The alert book the rules feed, its options, and the escalator that runs in the background.</summary>
    public static IHostApplicationBuilder AddVigilAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section)
            .Validate(o => o.EscalateAfter >= TimeSpan.FromMinutes(1) && o.EscalateAfter <= TimeSpan.FromDays(7),
                "Alerts:EscalateAfter must be between 00:01:00 and 7.00:00:00.")
            .Validate(o => o.CheckEvery >= TimeSpan.FromSeconds(1) && o.CheckEvery <= TimeSpan.FromHours(1),
                "Alerts:CheckEvery must be between 00:00:01 and 01:00:00.")
            .ValidateOnStart();
        builder.Services.AddScoped<AlertBook>();
        builder.Services.AddSingleton<AlertEscalator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertEscalator>());
        return builder;
    }
}
