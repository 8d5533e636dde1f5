using Microsoft.Extensions.Options;

namespace Vigil.Server.Health;

public static class HealthExtensions
{
    /// <summary>The medical responders told of a possible overdose (validated at start), and the vitals watch's band commands.</summary>
    public static IHostApplicationBuilder AddVigilHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MedicalResponderOptions>().BindConfiguration(MedicalResponderOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MedicalResponderOptions>, MedicalResponderOptionsValidator>();
        builder.Services.AddSingleton<MedicalAlerts>();
        builder.Services.AddSingleton<VitalsWatchCommands>();
        return builder;
    }
}
