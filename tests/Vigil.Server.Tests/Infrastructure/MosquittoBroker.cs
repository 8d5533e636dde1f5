using System.Diagnostics;
using System.Globalization;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>
/// A real Eclipse Mosquitto (Debian's package, installed by scripts/test.sh) on a free port, with a password
/// file and an ACL that keep each device to its own topics, as production would configure it.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string VigilUser = "vigil";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigil-mosquitto", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public int Port { get; } = VigilFixture.FreePort();

    public string VigilPassword { get; } = Guid.NewGuid().ToString("N");

    private string PasswordFile => Path.Combine(_folder, "passwd");

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(PasswordFile, "");
        await AddUserAsync(VigilUser, VigilPassword);
        await File.WriteAllTextAsync(Path.Combine(_folder, "acl"), $"""
            user {VigilUser}
            topic read v1/devices/+/telemetry
            topic read $share/vigil/v1/devices/+/telemetry
            topic write v1/devices/+/commands

            pattern write v1/devices/%u/telemetry
            pattern read v1/devices/%u/commands

            """);
        await File.WriteAllTextAsync(Path.Combine(_folder, "mosquitto.conf"), $"""
            listener {Port} 127.0.0.1
            allow_anonymous false
            password_file {PasswordFile}
            acl_file {Path.Combine(_folder, "acl")}
            persistence false
            max_queued_messages 0

            """);
        var executable = File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto";
        _process = Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList = { "-c", Path.Combine(_folder, "mosquitto.conf") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("mosquitto did not start (scripts/test.sh installs it).");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        await WaitUntilListeningAsync();
    }

    /// <summary>Adds a device (or any user) to the password file and tells Mosquitto to reload it.</summary>
    public async Task AddUserAsync(string user, string password)
    {
        using var tool = Process.Start(new ProcessStartInfo("mosquitto_passwd") { ArgumentList = { "-b", PasswordFile, user, password } })
            ?? throw new InvalidOperationException("mosquitto_passwd did not start.");
        await tool.WaitForExitAsync();
        Assert.Equal(0, tool.ExitCode);
        if (_process is { HasExited: false })
        {
            using var hup = Process.Start("kill", ["-HUP", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await hup.WaitForExitAsync();
        }
    }

    /// <summary>Publishes one QoS 1 message with Debian's mosquitto_pub; returns its exit code (0 after the PUBACK).</summary>
    public async Task<int> PublishAsync(string user, string password, string topic, string payload)
    {
        using var process = Process.Start(new ProcessStartInfo("mosquitto_pub")
        {
            ArgumentList = { "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv311", "-i", user, "-u", user,
                "-P", password, "-q", "1", "-t", topic, "-m", payload },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("mosquitto_pub did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline && _process is { HasExited: false })
            {
                await Task.Delay(50);
            }
        }
    }
}

/// <summary>Vigil consuming from a real Mosquitto through a shared subscription, on SQLite.</summary>
public sealed class SqliteMosquittoFixture : SqliteFixture
{
    public MosquittoBroker Broker { get; } = new();

    protected override async Task<IReadOnlyDictionary<string, string>> PrepareAsync()
    {
        await Broker.StartAsync();
        return MosquittoSettings.For(Broker);
    }

    protected override Task StartedAsync() => MosquittoSettings.AddDevicesAsync(Broker, Credentials);

    protected override async Task CleanUpAsync() => await Broker.DisposeAsync();
}

/// <summary>Vigil consuming from a real Mosquitto through a shared subscription, on PostgreSQL.</summary>
public sealed class PostgresMosquittoFixture : PostgresFixture
{
    public MosquittoBroker Broker { get; } = new();

    protected override async Task<IReadOnlyDictionary<string, string>> PrepareAsync()
    {
        await Broker.StartAsync();
        return MosquittoSettings.For(Broker);
    }

    protected override Task StartedAsync() => MosquittoSettings.AddDevicesAsync(Broker, Credentials);

    protected override async Task CleanUpAsync() => await Broker.DisposeAsync();
}

internal static class MosquittoSettings
{
    public static IReadOnlyDictionary<string, string> For(MosquittoBroker broker) => new Dictionary<string, string>
    {
        ["Mqtt:Mode"] = "External",
        ["Mqtt:Host"] = "127.0.0.1",
        ["Mqtt:ExternalPort"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        ["Mqtt:Username"] = MosquittoBroker.VigilUser,
        ["Mqtt:Password"] = broker.VigilPassword,
    };

    public static async Task AddDevicesAsync(MosquittoBroker broker, Vigil.Simulator.Live.DemoCredentials credentials)
    {
        foreach (var device in credentials.Devices.Take(4))
        {
            await broker.AddUserAsync(device.DeviceId, device.Secret);
        }
    }
}
