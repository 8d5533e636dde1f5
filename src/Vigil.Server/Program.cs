using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Server;
using Vigil.Server.Actors;
using Vigil.Server.Alerts;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Health;
using Vigil.Server.Ingestion;
using Vigil.Server.Intelligence;
using Vigil.Server.Mqtt;
using Vigil.Server.Live;
using Vigil.Server.Outbound;
using Vigil.Server.Rules;
using Vigil.Server.Security;
using Vigil.Server.Web;

// Vigil: one process hosts the API and the case registry, the MQTT broker and the telemetry pipeline, the device actors
// (an Orleans silo) and the rules, the alerts, the webhook outbox and the live feed.
// `--demo` seeds the demonstration data; `audit verify` checks the audit chain and exits.
var command = CommandLine.Parse(args);
// Settings live beside the binary; the working directory is only where ./data goes.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = command.HostArgs, ContentRootPath = AppContext.BaseDirectory });
builder.Services.TryAddSingleton(TimeProvider.System); // the one place the system clock is chosen
builder.AddVigilLogging();
builder.AddVigilMetrics();
builder.AddVigilDatabase();
builder.AddVigilSecurity();
builder.AddVigilApi();
builder.AddVigilIngestion();
builder.AddVigilMqtt();
builder.AddVigilAlerts();
builder.AddVigilRuleInputs();
builder.AddVigilActors();
builder.AddVigilOutbound();
builder.AddVigilHealth();
builder.AddVigilLive();
builder.AddVigilWeb();
builder.AddVigilIntelligence();
builder.AddVigilDemo(command.Demo);

var app = builder.Build();
await app.Services.MigrateVigilDatabaseAsync();
if (command.VerifyAudit)
{
    return await CommandLine.VerifyAuditAsync(app.Services);
}

await app.Services.SeedDemoIfEnabledAsync();
app.MapVigilWeb();
app.MapVigilApi();
app.MapVigilMetrics();
app.MapVigilMqtt();
app.MapVigilLive();
app.AnnounceUrlsOnStart();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' host factory.</summary>
public partial class Program;
