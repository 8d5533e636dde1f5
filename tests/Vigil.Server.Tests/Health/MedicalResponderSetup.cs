using Vigil.Server.Tests.Infrastructure;
using Vigil.Server.Tests.Outbound;

namespace Vigil.Server.Tests.Health;

/// <summary>One medical responder for a fixture's server: its real HTTP receiver and the settings that point the server at it.</summary>
public sealed class MedicalResponderSetup : IAsyncDisposable
{
    public const string ResponderName = "cap-cuu-115";
    public const string Secret = "the-115-dispatch-centre-secret-of-32-plus-chars";

    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task<IReadOnlyDictionary<string, string>> StartAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        return new Dictionary<string, string>
        {
            ["Health:MedicalResponders:0:Name"] = ResponderName,
            ["Health:MedicalResponders:0:Url"] = Receiver.Url,
            ["Health:MedicalResponders:0:Secret"] = Secret,
            ["Webhooks:PollSeconds"] = "3600", // the test runs the dispatcher's rounds itself
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }
    }
}

/// <summary>SQLite behind a real Kestrel with the MQTT broker, and a medical responder.</summary>
public sealed class SqliteMedicalResponderFixture : SqliteFixture
{
    public MedicalResponderSetup Medical { get; } = new();

    protected override bool UsesKestrel => true;

    protected override Task<IReadOnlyDictionary<string, string>> PrepareAsync() => Medical.StartAsync();

    protected override async Task CleanUpAsync() => await Medical.DisposeAsync();
}

/// <summary>PostgreSQL behind a real Kestrel with the MQTT broker, and a medical responder.</summary>
public sealed class PostgresMedicalResponderFixture : PostgresFixture
{
    public MedicalResponderSetup Medical { get; } = new();

    protected override bool UsesKestrel => true;

    protected override Task<IReadOnlyDictionary<string, string>> PrepareAsync() => Medical.StartAsync();

    protected override async Task CleanUpAsync() => await Medical.DisposeAsync();
}
