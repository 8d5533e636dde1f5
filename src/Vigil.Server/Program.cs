using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Server;
using Vigil.Server.Api;
using Vigil.Server.Data;
using Vigil.Server.Live;
using Vigil.Server.Outbound;
using Vigil.Server.Security;

// Vigil: one process hosts the API, the case registry, the webhook outbox, the live feed and (later) the broker and the actors.
// `--demo` seeds the demonstration data; `audit verify` checks the audit chain and exits.
var command = CommandLine.Parse(args);
// Settings live beside the binary; the working directory is only where ./data goes.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = command.HostArgs, ContentRootPath = AppContext.BaseDirectory });
builder.Services.TryAddSingleton(TimeProvider.System); // the one place the system clock is chosen
builder.AddVigilLogging();
builder.AddVigilDatabase();
builder.AddVigilSecurity();
builder.AddVigilApi();
builder.AddVigilOutbound();
builder.AddVigilLive();
builder.AddVigilDemo(command.Demo);

var app = builder.Build();
await app.Services.MigrateVigilDatabaseAsync();
if (command.VerifyAudit)
{
    return await CommandLine.VerifyAuditAsync(app.Services);
}

await app.Services.SeedDemoIfEnabledAsync();
app.MapVigilApi();
app.MapVigilLive();
app.AnnounceUrlsOnStart();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' host factory.</summary>
public partial class Program;
