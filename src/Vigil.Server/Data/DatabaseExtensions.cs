using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Server.Actors;
using Vigil.Server.Seed;

namespace Vigil.Server.Data;

public static class DatabaseExtensions
{
    /// <summary>Registers the case registry on SQLite (default) or PostgreSQL, chosen by <see cref="StorageOptions"/>.</summary>
    public static IHostApplicationBuilder AddVigilDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.UsePostgres)
        {
            builder.Services.AddDbContext<VigilDbContext, PostgresVigilDbContext>((sp, o) =>
                o.UseNpgsql(storage.Postgres).AddInterceptors(sp.GetRequiredService<RegistryChangeInterceptor>()));
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(storage.SqlitePath)!);
            builder.Services.AddDbContext<VigilDbContext, SqliteVigilDbContext>((sp, o) =>
                o.UseSqlite($"Data Source={storage.SqlitePath};Pooling=True").AddInterceptors(sp.GetRequiredService<RegistryChangeInterceptor>()));
        }

        // The actors learn from every save which cases changed.
        builder.Services.AddSingleton<RegistryChanges>();
        builder.Services.AddSingleton<RegistryChangeInterceptor>();
        builder.Services.AddScoped<ProvinceSeeder>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Applies pending migrations and the reference data every installation needs (the provinces).</summary>
    public static async Task MigrateVigilDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ProvinceSeeder>().SeedAsync(cancellationToken);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<StorageOptions>>().Value;
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Vigil.Storage")
            .DatabaseReady(options.UsePostgres ? "PostgreSQL" : $"SQLite {options.SqlitePath}");
    }
}
