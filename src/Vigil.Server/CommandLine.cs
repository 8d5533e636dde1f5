using Vigil.Server.Audit;

namespace Vigil.Server;

/// <summary>Vigil's own arguments; everything else goes to the host (e.g. --urls, --Storage:Postgres=…).</summary>
internal sealed record CommandLine(string[] HostArgs, bool Demo, bool VerifyAudit)
{
    public static CommandLine Parse(string[] args)
    {
        var demo = args.Contains("--demo");
        var verify = args.Length >= 2 && args[0] == "audit" && args[1] == "verify";
        var rest = args.Where(a => a != "--demo").Skip(verify ? 2 : 0).ToArray();
        if (demo)
        {
            // First, so that an explicit --Demo:Fleet=false later on the command line wins.
            rest = ["--Demo:Fleet=true", .. rest];
        }

        return new CommandLine(rest, demo, verify);
    }

    /// <summary>`Vigil.Server audit verify`: exit 0 when the chain holds, 1 when it is broken.</summary>
    public static async Task<int> VerifyAuditAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
        if (result.Valid)
        {
            await Console.Out.WriteLineAsync($"audit: OK — {result.EntriesChecked} entries verified");
            return 0;
        }

        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Vigil.Audit").AuditBroken(result.BrokenAt!.Value, result.Reason!);
        await Console.Out.WriteLineAsync($"audit: BROKEN at entry {result.BrokenAt}: {result.Reason} ({result.EntriesChecked} entries verified before it)");
        return 1;
    }
}
