using Npgsql;
using Vigil.Server.Data;

namespace Vigil.Server.Ingestion;

public static class IngestionExtensions
{
    /// <summary>Device telemetry: credentials, the bounded pipeline, the batch writer of the chosen database, retention.</summary>
    public static IHostApplicationBuilder AddVigilIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IngestionMetrics>();
        builder.Services.AddSingleton<DeviceCredentials>();
        builder.Services.AddSingleton<UploadRateLimiter>();
        builder.Services.AddSingleton<TelemetryPipeline>();
        builder.Services.AddSingleton<TelemetryIntake>();
        builder.Services.AddHostedService<TelemetryWriterService>();
        builder.Services.AddHostedService<TelemetryRetention>();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.UsePostgres)
        {
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(storage.Postgres!));
            builder.Services.AddSingleton<TelemetryPartitions>();
            builder.Services.AddSingleton<ITelemetryWriter, PostgresTelemetryWriter>();
        }
        else
        {
            builder.Services.AddSingleton<ITelemetryWriter, SqliteTelemetryWriter>();
        }

        return builder;
    }
}
