using System.Data.Common;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Vigil.Server.Api;
using Vigil.Simulator.Live;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// One Vigil server per test class, on a fresh database with the demo seed, driven by a fake clock.
/// <see cref="SqliteFixture"/> and <see cref="PostgresFixture"/> run the same suites on both databases.
/// </summary>
public abstract class VigilFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "vigil-tests", Guid.NewGuid().ToString("N"));
    private readonly List<WebApplicationFactory<Program>> _extraFactories = [];
    private WebApplicationFactory<Program>? _factory;

    /// <summary>Monday 2026-11-23 10:00 in Vietnam.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));

    public DemoCredentials Credentials { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    public string DataFolder => _dataFolder;

    /// <summary>Where the server's data lives, as command-line arguments for another Vigil process.</summary>
    public string[] StorageArguments => [$"--Storage:DataFolder={_dataFolder}", $"--Storage:Postgres={PostgresConnectionString}"];

    /// <summary>The PostgreSQL database of this fixture, or null on SQLite.</summary>
    public string? PostgresConnectionString { get; private set; }

    /// <summary>
    /// The first column of every row of <paramref name="sql"/>, read straight from the store over a connection of its
    /// own: for tests of a real server process, which the fixture's factory does not host.
    /// </summary>
    public async Task<List<long>> QueryNumbersAsync(string sql)
    {
        await using DbConnection connection = PostgresConnectionString is { } pg
            ? new NpgsqlConnection(pg)
            : new SqliteConnection($"Data Source={Path.Combine(_dataFolder, "vigil.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }

    public abstract string DatabaseName { get; }

    /// <summary>The embedded MQTT broker's port, when the fixture runs a real Kestrel (<see cref="UsesKestrel"/>).</summary>
    public int MqttPort { get; private set; }

    /// <summary>Run on a real Kestrel with the MQTT port open, instead of the in-memory test server.</summary>
    protected virtual bool UsesKestrel => false;

    /// <summary>The connection string the server uses, or null for SQLite.</summary>
    protected abstract Task<string?> CreateDatabaseAsync();

    /// <summary>Settings of a particular fixture (e.g. an external broker it started), applied after the common ones.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> PrepareAsync() => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    /// <summary>Runs once the server has started and the demo credentials are read.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataFolder);
        var postgres = await CreateDatabaseAsync();
        PostgresConnectionString = postgres;
        MqttPort = UsesKestrel ? FreePort() : 0;
        var settings = new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["Demo:PeoplePerCommune"] = "3" };
        foreach (var (key, value) in await PrepareAsync())
        {
            settings[key] = value;
        }

        if (UsesKestrel)
        {
            settings["Mqtt:Port"] = MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["urls"] = "http://127.0.0.1:0";
        }

        _factory = NewFactory(settings);
        if (UsesKestrel)
        {
            _factory.UseKestrel(0);
            _factory.StartServer();

            // Kestrel also listens for MQTT: the clients must be pointed at the HTTP address.
            var addresses = _factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
                .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
            var http = addresses.Select(a => new Uri(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)))
                .First(u => u.Port != MqttPort);
            _factory.ClientOptions.BaseAddress = http;
        }
        else
        {
            _ = _factory.Server;
        }

        await using var file = File.OpenRead(Path.Combine(_dataFolder, "demo", "credentials.json"));
        Credentials = (await JsonSerializer.DeserializeAsync<DemoCredentials>(file, Json))!;
        await StartedAsync();
        if (StopsAfterSeed)
        {
            await _factory.DisposeAsync();
            _factory = null;
        }
    }

    /// <summary>Seed the database, then stop: the tests run Vigil as their own processes over it.</summary>
    protected virtual bool StopsAfterSeed => false;

    /// <summary>
    /// Another server over the same database, data folder and clock, with <paramref name="settings"/> on top
    /// (no demo seed): a second node, or the same node after a restart. Disposed with the fixture at the latest.
    /// </summary>
    public WebApplicationFactory<Program> CreateFactory(IReadOnlyDictionary<string, string?> settings)
    {
        var factory = NewFactory(settings);
        _extraFactories.Add(factory);
        return factory;
    }

    public async Task DisposeAsync()
    {
        foreach (var factory in _extraFactories)
        {
            await factory.DisposeAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await DropDatabaseAsync();
        await CleanUpAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the OS's temp cleaning.
        }
    }

    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>Runs SQL on the server's database directly, as a database administrator could (tamper tests).</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.VigilDbContext>();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    public bool IsPostgres => DatabaseName == "PostgreSQL";

    public DemoOfficer Officer(string username) => Credentials.Officers.Single(o => o.Username == username);

    /// <summary>Logs a demo officer in with password and TOTP code.</summary>
    public Task<HttpClient> LogInAsync(string username)
    {
        var officer = Officer(username);
        return LogInAsync(username, officer.Password, officer.TotpSecret);
    }

    public async Task<HttpClient> LogInAsync(string username, string password, string? totpSecret)
    {
        var client = Factory.CreateClient();
        var step1 = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password }, Json);
        await Expect.Status(step1, 200);
        var first = (await step1.Content.ReadFromJsonAsync<LogInResponse>(Json))!;
        var token = first.AccessToken;
        if (first.SecondFactorRequired)
        {
            // A TOTP code is accepted once: move to the next 30-second step, as a person typing a fresh code would.
            Clock.Advance(TimeSpan.FromSeconds(30));
            var code = Domain.Identity.Totp.Code(totpSecret!, Clock.GetUtcNow());
            var step2 = await client.PostAsJsonAsync("/api/v1/auth/second-factor", new { first.SecondFactorToken, code }, Json);
            await Expect.Status(step2, 200);
            token = (await step2.Content.ReadFromJsonAsync<LogInResponse>(Json))!.AccessToken;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private WebApplicationFactory<Program> NewFactory(IReadOnlyDictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:DataFolder", _dataFolder);
            b.UseSetting("Storage:Postgres", PostgresConnectionString ?? "");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            // Each server its own silo ports, so that many run side by side in one test process.
            b.UseSetting("Actors:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Actors:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        });

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiExtensions.Configure(options);
        return options;
    }
}

public class SqliteFixture : VigilFixture
{
    public override string DatabaseName => "SQLite";

    protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);
}

/// <summary>A throwaway database on the PostgreSQL server that scripts/test.sh starts (VIGIL_TEST_POSTGRES).</summary>
public class PostgresFixture : VigilFixture
{
    private readonly string _database = $"vigil_test_{Guid.NewGuid():N}";

    public override string DatabaseName => "PostgreSQL";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PostgreSQL tests need VIGIL_TEST_POSTGRES (a connection string to a server where databases can be created). "
                + "scripts/test.sh starts a private PostgreSQL and sets it.");

    protected override async Task<string?> CreateDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>SQLite behind a real Kestrel, with the embedded MQTT broker listening.</summary>
public sealed class SqliteBrokerFixture : SqliteFixture
{
    protected override bool UsesKestrel => true;
}

/// <summary>PostgreSQL behind a real Kestrel, with the embedded MQTT broker listening.</summary>
public sealed class PostgresBrokerFixture : PostgresFixture
{
    protected override bool UsesKestrel => true;
}

/// <summary>A seeded SQLite database with no server running: the tests start Vigil processes over it.</summary>
public sealed class SqliteProcessFixture : SqliteFixture
{
    protected override bool StopsAfterSeed => true;
}

/// <summary>A seeded PostgreSQL database with no server running: the tests start Vigil processes over it.</summary>
public sealed class PostgresProcessFixture : PostgresFixture
{
    protected override bool StopsAfterSeed => true;
}

/// <summary>A seeded SQLite database of 20 wearers per commune (one demo cycle: the demo's gathering needs the 8th–10th, its overdose the 11th), no server running.</summary>
public sealed class SqliteCycleProcessFixture : SqliteFixture
{
    protected override bool StopsAfterSeed => true;

    protected override Task<IReadOnlyDictionary<string, string>> PrepareAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["Demo:PeoplePerCommune"] = "20" });
}

/// <summary>A seeded PostgreSQL database of 20 wearers per commune, no server running.</summary>
public sealed class PostgresCycleProcessFixture : PostgresFixture
{
    protected override bool StopsAfterSeed => true;

    protected override Task<IReadOnlyDictionary<string, string>> PrepareAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["Demo:PeoplePerCommune"] = "20" });
}
