namespace Vigil.Server.Intelligence;

public static class IntelligenceExtensions
{
    /// <summary>The investigations and their limits, the location-history export and the statistics.</summary>
    public static IHostApplicationBuilder AddVigilIntelligence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InvestigationOptions>().BindConfiguration(InvestigationOptions.Section)
            .Validate(o => o.MaxPlaceWindow > TimeSpan.Zero && o.MaxPlaceWindow <= TimeSpan.FromDays(92),
                "Investigations:MaxPlaceWindow must be more than 0 and at most 92.00:00:00.")
            .Validate(o => o.MaxCoLocationPeriod > TimeSpan.Zero && o.MaxCoLocationPeriod <= TimeSpan.FromDays(366),
                "Investigations:MaxCoLocationPeriod must be more than 0 and at most 366.00:00:00.")
            .Validate(o => o.MaxRadiusMeters is >= 10 and <= 100_000, "Investigations:MaxRadiusMeters must be between 10 and 100000.")
            .Validate(o => o.MaxCells is >= 1 and <= 100_000, "Investigations:MaxCells must be between 1 and 100000.")
            .Validate(o => o.MaxCoLocationRadiusMeters is >= 1 and <= 5_000, "Investigations:MaxCoLocationRadiusMeters must be between 1 and 5000.")
            .Validate(o => o.CoLocationRadiusMeters >= 1 && o.CoLocationRadiusMeters <= o.MaxCoLocationRadiusMeters,
                "Investigations:CoLocationRadiusMeters must be between 1 and Investigations:MaxCoLocationRadiusMeters.")
            .Validate(o => o.MaxCoLocationTolerance >= TimeSpan.Zero && o.MaxCoLocationTolerance <= TimeSpan.FromHours(6),
                "Investigations:MaxCoLocationTolerance must be between 00:00:00 and 06:00:00.")
            .Validate(o => o.CoLocationTolerance >= TimeSpan.Zero && o.CoLocationTolerance <= o.MaxCoLocationTolerance,
                "Investigations:CoLocationTolerance must be between 00:00:00 and Investigations:MaxCoLocationTolerance.")
            .Validate(o => o.MaxFixesRead is >= 1_000 and <= 50_000_000, "Investigations:MaxFixesRead must be between 1000 and 50000000.")
            .Validate(o => o.SamplesPerPerson is >= 1 and <= 100, "Investigations:SamplesPerPerson must be between 1 and 100.")
            .ValidateOnStart();
        builder.Services.AddScoped<FixSearch>();
        return builder;
    }

    internal static void MapIntelligenceEndpoints(this RouteGroupBuilder api)
    {
        api.MapInvestigationEndpoints();
        api.MapLocationHistoryExport();
        api.MapStatisticsEndpoints();
    }
}
