using Vigil.Domain.Compliance;
using Vigil.Domain.Gatherings;
using Vigil.Domain.Places;
using Vigil.Server.Compliance;

namespace Vigil.Server.Intelligence;

public static class IntelligenceExtensions
{
    /// <summary>The investigations and their limits, the location-history export, the statistics, the gathering watch and the compliance scores.</summary>
    public static IHostApplicationBuilder AddVigilIntelligence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InvestigationOptions>().BindConfiguration(InvestigationOptions.Section)
            .Validate(o => o.MaxPlaceWindow > TimeSpan.Zero && o.MaxPlaceWindow <= TimeSpan.FromDays(92),
                "Investigations:MaxPlaceWindow must be more than 0 and at most 92.00:00:00.")
            .Validate(o => o.MaxCoLocationPeriod > TimeSpan.Zero && o.MaxCoLocationPeriod <= TimeSpan.FromDays(366),
                "Investigations:MaxCoLocationPeriod must be more than 0 and at most 366.00:00:00.")
            .Validate(o => o.MaxSuspiciousPlacesPeriod >= TimeSpan.FromDays(1) && o.MaxSuspiciousPlacesPeriod <= TimeSpan.FromDays(366),
                "Investigations:MaxSuspiciousPlacesPeriod must be between 1.00:00:00 and 366.00:00:00.")
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
        builder.Services.AddOptions<GatheringOptions>().BindConfiguration(GatheringOptions.Section)
            .Validate(o => o.MinPeople is >= 2 and <= 100, "Gatherings:MinPeople must be between 2 and 100.")
            .Validate(o => o.RadiusMeters is >= 5 and <= 1_000, "Gatherings:RadiusMeters must be between 5 and 1000.")
            .Validate(o => o.MinDuration >= TimeSpan.FromMinutes(1) && o.MinDuration <= TimeSpan.FromHours(12),
                "Gatherings:MinDuration must be between 00:01:00 and 12:00:00.")
            .Validate(o => o.StaleAfter >= TimeSpan.FromSeconds(30) && o.StaleAfter <= TimeSpan.FromHours(1),
                "Gatherings:StaleAfter must be between 00:00:30 and 01:00:00.")
            .Validate(o => o.MaxAccuracyMeters is >= 5 and <= 5_000, "Gatherings:MaxAccuracyMeters must be between 5 and 5000.")
            .Validate(o => o.MaxSlackMeters is >= 0 and <= 500, "Gatherings:MaxSlackMeters must be between 0 and 500.")
            .Validate(o => o.SeenTogetherFor >= TimeSpan.Zero && o.SeenTogetherFor <= o.MinDuration,
                "Gatherings:SeenTogetherFor must be between 00:00:00 and MinDuration.")
            .Validate(o => o.StayMeters >= o.RadiusMeters && o.StayMeters <= 2_000, "Gatherings:StayMeters must be between RadiusMeters and 2000.")
            .Validate(o => o.LeaveAfter >= TimeSpan.Zero && o.LeaveAfter <= TimeSpan.FromMinutes(30),
                "Gatherings:LeaveAfter must be between 00:00:00 and 00:30:00.")
            .Validate(o => o.FormingLeaveAfter >= TimeSpan.Zero && o.FormingLeaveAfter <= TimeSpan.FromMinutes(30),
                "Gatherings:FormingLeaveAfter must be between 00:00:00 and 00:30:00.")
            .ValidateOnStart();
        builder.Services.AddOptions<GatheringWatchOptions>().BindConfiguration(GatheringOptions.Section)
            .Validate(o => o.EvaluateEvery >= TimeSpan.FromSeconds(10) && o.EvaluateEvery <= TimeSpan.FromMinutes(10),
                "Gatherings:EvaluateEvery must be between 00:00:10 and 00:10:00.")
            .ValidateOnStart();
        builder.Services.AddSingleton<LatestFixes>();
        builder.Services.AddSingleton<Ingestion.IStoredTelemetrySink>(sp => sp.GetRequiredService<LatestFixes>());
        builder.Services.AddSingleton<GatheringWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GatheringWatch>());
        builder.Services.AddOptions<PlaceMiningOptions>().BindConfiguration(PlaceMiningOptions.Section)
            .Validate(o => o.DwellRadiusMeters is >= 10 and <= 1_000, "SuspiciousPlaces:DwellRadiusMeters must be between 10 and 1000.")
            .Validate(o => o.MinDwell >= TimeSpan.FromMinutes(5) && o.MinDwell <= TimeSpan.FromHours(12), "SuspiciousPlaces:MinDwell must be between 00:05:00 and 12:00:00.")
            .Validate(o => o.MaxGap >= TimeSpan.FromMinutes(1) && o.MaxGap <= TimeSpan.FromHours(6), "SuspiciousPlaces:MaxGap must be between 00:01:00 and 06:00:00.")
            .Validate(o => o.MaxAccuracyMeters is >= 5 and <= 5_000, "SuspiciousPlaces:MaxAccuracyMeters must be between 5 and 5000.")
            .Validate(o => o.MergeMeters is >= 0 and <= 2_000, "SuspiciousPlaces:MergeMeters must be between 0 and 2000.")
            .Validate(o => o.MinPeople is >= 1 and <= 100 && o.MinGatherings is >= 1 and <= 100,
                "SuspiciousPlaces:MinPeople and MinGatherings must be between 1 and 100.")
            .ValidateOnStart();
        builder.Services.AddScoped<PlaceMining>();
        builder.AddVigilCompliance();
        return builder;
    }

    private static void AddVigilCompliance(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.Section)
            .Validate(o => o.Window >= TimeSpan.FromDays(1) && o.Window <= TimeSpan.FromDays(366), "Compliance:Window must be between 1.00:00:00 and 366.00:00:00.")
            .Validate(o => new[] { o.WearWeight, o.ChargingWeight, o.ZoneWeight, o.ViolationWeight, o.ReportWeight }.All(w => w >= 0)
                && o.WearWeight + o.ChargingWeight + o.ZoneWeight + o.ViolationWeight + o.ReportWeight > 0,
                "Compliance weights must be 0 or more, and not all 0.")
            .Validate(o => o.OutsideForZero > TimeSpan.Zero, "Compliance:OutsideForZero must be more than 0.")
            .Validate(o => o.WatchFrom is >= 0 and <= 100 && o.GoodFrom <= 100 && o.GoodFrom > o.WatchFrom,
                "Compliance:WatchFrom and GoodFrom must be 0–100, with GoodFrom above WatchFrom.")
            .ValidateOnStart();
        builder.Services.AddOptions<ComplianceJobOptions>().BindConfiguration(ComplianceOptions.Section)
            .Validate(o => o.RecomputeEvery >= TimeSpan.FromMinutes(1) && o.RecomputeEvery <= TimeSpan.FromDays(1),
                "Compliance:RecomputeEvery must be between 00:01:00 and 1.00:00:00.")
            .Validate(o => o.SettleDays is >= 1 and <= 30, "Compliance:SettleDays must be between 1 and 30.")
            .Validate(o => o.PeoplePerBatch is >= 1 and <= 100_000, "Compliance:PeoplePerBatch must be between 1 and 100000.")
            .Validate(o => new[] { o.GoodIntervalSeconds, o.WatchIntervalSeconds, o.AttentionIntervalSeconds }.All(s => s is >= 5 and <= 3_600),
                "Compliance:GoodIntervalSeconds, WatchIntervalSeconds and AttentionIntervalSeconds must be between 5 and 3600.")
            .ValidateOnStart();
        builder.Services.AddScoped<ComplianceBook>();
        builder.Services.AddSingleton<ComplianceJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ComplianceJob>());
    }

    internal static void MapIntelligenceEndpoints(this RouteGroupBuilder api)
    {
        api.MapInvestigationEndpoints();
        api.MapLocationHistoryExport();
        api.MapStatisticsEndpoints();
        api.MapSuspiciousPlaceEndpoints();
        api.MapComplianceEndpoints();
    }
}
