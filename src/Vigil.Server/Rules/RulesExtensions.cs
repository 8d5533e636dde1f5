namespace Vigil.Server.Rules;

public static class RulesExtensions
{
    /// <summary>Registers what the rules read from the registry: the case of a device and the hotspot index.</summary>
    public static IHostApplicationBuilder AddVigilRuleInputs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseSnapshotLoader>();
        builder.Services.AddScoped<HotspotIndexLoader>();
        return builder;
    }
}
