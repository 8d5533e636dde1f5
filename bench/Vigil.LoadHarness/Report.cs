using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.LoadHarness;

/// <summary>The markdown table on stdout and the JSON file: machine, date, commit, parameters and every run's figures.</summary>
internal static class Report
{
    public static string Markdown(HarnessOptions options, IReadOnlyList<RunResult> runs, double? ratio)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"Machine: {Environment.ProcessorCount} cores, {ProcessStats.CpuModel()}; {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; commit {Commit()}");
        md.AppendLine(c, $"Parameters: db {options.Database}, {options.Devices} devices, target {(options.Rate == 0 ? "saturation" : options.Rate.ToString(c))} msg/s, {options.Seconds} s ({options.WarmupSeconds} s warm-up), max in flight {options.MaxInFlight}");
        md.AppendLine();
        md.AppendLine("| mode | acked msg/s (window) | PUBACK p50 / p99 / max ms | server CPU % (200 = both cores) | harness CPU % | machine busy / stolen % | RSS before → after MB | bytes/device | alerts p50 / p99 / max ms (n) | stored = acked | holds |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in runs)
        {
            var alerts = r.AlertsSent == 0 ? "–" : string.Create(c, $"{r.AlertP50Ms:F0} / {r.AlertP99Ms:F0} / {r.AlertMaxMs:F0} ({r.AlertsReceived}/{r.AlertsSent})");
            var stored = r.ZeroLossNoDuplicates is null ? "–" : string.Create(c, $"{(r.ZeroLossNoDuplicates.Value ? "yes" : "NO")} ({r.StoredRows} rows, {r.Acked} + {r.Devices} priming acked)");
            md.AppendLine(c, $"| {r.Mode} | {r.Window.AckedPerSecond:F0} | {r.PubAckP50Ms:F1} / {r.PubAckP99Ms:F1} / {r.PubAckMaxMs:F0} | {r.Window.ServerCpuPercent:F0} | {r.Window.HarnessCpuPercent:F0} | {r.Window.MachineBusyPercent:F0} / {r.Window.MachineStealPercent:F0} | {r.Window.WorkingSetBeforeDevices / 1048576.0:F0} → {r.Window.WorkingSetAfterWarmup / 1048576.0:F0} | {r.BytesPerDevice:F0} | {alerts} | {stored} | {(r.Holds ? "yes" : "no")} |");
        }

        if (ratio is { } value)
        {
            md.AppendLine();
            md.AppendLine(c, $"P2: end-to-end ÷ broker-only = {value:F2}");
        }

        md.AppendLine();
        foreach (var r in runs)
        {
            md.AppendLine(c, $"{r.Mode}: sent {r.Sent}, acked {r.Acked}, refused {r.Refused}, failed {r.Failed}, unfinished {r.Unfinished}; start {r.StartSeconds:F1} s, connect {r.ConnectSeconds:F1} s, one message per device {r.PrimeSeconds:F1} s; live positions received {r.LivePositionsReceived}");
        }

        return md.ToString();
    }

    public static async Task WriteJsonAsync(string path, HarnessOptions options, IReadOnlyList<RunResult> runs, double? ratio)
    {
        var document = new
        {
            machine = new { cores = Environment.ProcessorCount, model = ProcessStats.CpuModel(), os = Environment.OSVersion.VersionString },
            date = DateTimeOffset.UtcNow,
            commit = Commit(),
            parameters = options,
            runs,
            endToEndOverBrokerOnly = ratio,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
    }

    public static string Commit()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, UseShellExecute = false });
            var commit = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
