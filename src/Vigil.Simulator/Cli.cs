using System.Globalization;
using Vigil.Simulator.Quality;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator;

/// <summary>
/// The command line: <c>quality</c> (the D1–D2 harness), <c>gatherings</c> (D6), <c>geolife</c> (D3 on real tracks) and <c>trace</c> (one
/// device's messages as sent). The live fleet runs inside <c>--demo</c> (Vigil.Server's DemoFleet). Options are
/// <c>--name value</c>; see docs/quality.md.
/// </summary>
internal static class Cli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.FirstOrDefault() ?? "help";
        var options = Options(args.Skip(1).ToArray());
        try
        {
            return command switch
            {
                "quality" => await QualityAsync(options),
                "gatherings" => await GatheringsAsync(options),
                "trace" => await TraceAsync(options),
                "geolife" => await GeoLifeAsync(options),
                _ => Help(),
            };
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    private static async Task<int> QualityAsync(Dictionary<string, string> o)
    {
        var people = Int(o, "people", 60);
        var days = Int(o, "days", 7);
        var seed = Int(o, "seed", 1);
        var start = DateTimeOffset.Parse(Str(o, "start", "2026-11-22T17:00:00Z"), CultureInfo.InvariantCulture);
        var (report, labels, alerts) = QualityHarness.Run(people, days, seed, start);
        await Console.Out.WriteLineAsync(report.ToTable());
        if (o.TryGetValue("json", out var json))
        {
            await File.WriteAllTextAsync(json, report.ToJson());
        }

        if (o.TryGetValue("labels", out var path))
        {
            await GroundTruth.WriteAsync(path, labels);
        }

        if (o.TryGetValue("alerts", out var alertsPath))
        {
            await File.WriteAllLinesAsync(alertsPath, alerts.OrderBy(a => a.At).Select(a => System.Text.Json.JsonSerializer.Serialize(a)));
        }

        return Judge(report, o);
    }

    private static async Task<int> GeoLifeAsync(Dictionary<string, string> o)
    {
        var data = GeoLife.GeoLifeTrack.FindData(o.GetValueOrDefault("data"))
            ?? throw new ArgumentException("--data: no GeoLife folder found (give --data, set VIGIL_GEOLIFE, or keep shared/data/geolife beside the repository).");
        var report = GeoLife.GeoLifeReplay.Run(data, Int(o, "seed", 1));
        await Console.Out.WriteLineAsync(report.ToTable());
        if (o.TryGetValue("json", out var json))
        {
            await File.WriteAllTextAsync(json, report.ToJson());
        }

        var failures = report.Failures(Double(o, "max-false-per-person-week", 1), Double(o, "min-departures-caught", 1));
        foreach (var failure in failures)
        {
            await Console.Error.WriteLineAsync($"BELOW BAR: {failure}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Prints one simulated device's messages as sent (JSON lines, with arrival times) between two instants.</summary>
    private static async Task<int> TraceAsync(Dictionary<string, string> o)
    {
        var start = DateTimeOffset.Parse(Str(o, "start", "2026-11-22T17:00:00Z"), CultureInfo.InvariantCulture);
        var days = Int(o, "days", 7);
        var population = new ScenarioBuilder(start, days, Int(o, "seed", 1)).Build(Int(o, "people", 60));
        var person = population.FirstOrDefault(p => p.Profile.DeviceId == Str(o, "device", "SIM-00001"))
            ?? throw new ArgumentException($"--device: no simulated device '{Str(o, "device", "")}' in this population.");
        var from = DateTimeOffset.Parse(Str(o, "from", start.ToString("O", CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var until = DateTimeOffset.Parse(Str(o, "until", start.AddDays(days).ToString("O", CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var wearer = new Model.SimulatedWearer(person.Profile, start, start.AddDays(days), person.Incidents);
        await Console.Out.WriteLineAsync($"# {person.Profile.DeviceId}: scenario {person.Scenario}");
        foreach (var delivery in wearer.Advance(until).Where(d => d.ReceivedAt >= from))
        {
            await Console.Out.WriteLineAsync($"{delivery.ReceivedAt:O} {System.Text.Encoding.UTF8.GetString(delivery.Body())}");
        }

        return 0;
    }

    private static async Task<int> GatheringsAsync(Dictionary<string, string> o)
    {
        // The detector's radius and accuracy limit can be varied to see how far D6 is from the definition's 50 m.
        var detector = new Vigil.Domain.Gatherings.GatheringOptions();
        detector.RadiusMeters = Double(o, "radius-meters", detector.RadiusMeters);
        detector.MaxAccuracyMeters = Double(o, "max-accuracy-meters", detector.MaxAccuracyMeters);
        detector.MaxSlackMeters = Double(o, "max-slack-meters", detector.MaxSlackMeters);
        detector.StaleAfter = TimeSpan.FromMinutes(Double(o, "window-minutes", detector.StaleAfter.TotalMinutes));
        detector.StayMeters = Double(o, "stay-meters", detector.StayMeters);
        detector.LeaveAfter = TimeSpan.FromMinutes(Double(o, "leave-after-minutes", detector.LeaveAfter.TotalMinutes));
        var report = GatheringHarness.Run(Int(o, "people", 60), Int(o, "days", 7), Int(o, "seed", 1),
            DateTimeOffset.Parse(Str(o, "start", "2026-11-22T17:00:00Z"), CultureInfo.InvariantCulture), detector);
        await Console.Out.WriteLineAsync(report.ToText());
        if (o.TryGetValue("json", out var json))
        {
            await File.WriteAllTextAsync(json, report.ToJson());
        }

        var failures = report.Failures(Double(o, "min-recall", 0.95), Double(o, "min-precision", 0.95));
        foreach (var failure in failures)
        {
            await Console.Error.WriteLineAsync($"BELOW BAR: {failure}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static int Judge(QualityReport report, Dictionary<string, string> o)
    {
        var bars = new QualityBars(Double(o, "min-recall", 0.99), Double(o, "min-precision", 0.99), Double(o, "max-false-per-person-day", 0.05));
        var failures = report.Failures(bars);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"BELOW BAR: {failure}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static int Help()
    {
        Console.WriteLine("""
            Vigil.Simulator — simulated wristbands, scenarios with ground truth, detection quality.

              quality  [--people 60] [--days 7] [--seed 1] [--start 2026-11-22T17:00:00Z]
                       [--json report.json] [--labels labels.jsonl] [--alerts alerts.jsonl]
                       [--min-recall 0.99] [--min-precision 0.99] [--max-false-per-person-day 0.05]
                       Runs the labelled scenarios through the rules engine; exits 1 when a bar is not met.
              gatherings [--people 60] [--days 7] [--seed 1] [--start 2026-11-22T17:00:00Z] [--json report.json]
                       [--min-recall 0.95] [--min-precision 0.95] [--radius-meters 50] [--max-accuracy-meters 150]
                       [--max-slack-meters 25] [--window-minutes 8] [--leave-after-minutes 3] [--stay-meters 100]
                       Runs the gathering detector minute by minute over the labelled scenarios (D6); exits 1 below a bar.
              geolife  [--data ../shared/data/geolife] [--seed 1] [--json report.json]
                       [--max-false-per-person-week 1] [--min-departures-caught 1]
                       Replays real GeoLife tracks as wristbands (D3); exits 1 when a bar is not met.
              trace    [--people 60] [--days 7] [--seed 1] --device SIM-00001 [--from T] [--until T]
                       Prints what one simulated band sends (arrival time, then the JSON body).
            """);
        return 0;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}': options are --name value.");
            }

            options[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return options;
    }

    private static string Str(Dictionary<string, string> o, string name, string fallback) => o.TryGetValue(name, out var v) ? v : fallback;

    private static int Int(Dictionary<string, string> o, string name, int fallback) =>
        !o.TryGetValue(name, out var v) ? fallback
        : int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new ArgumentException($"--{name} must be a positive whole number; got '{v}'.");

    private static double Double(Dictionary<string, string> o, string name, double fallback) =>
        !o.TryGetValue(name, out var v) ? fallback
        : double.TryParse(v, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
        : throw new ArgumentException($"--{name} must be a number ≥ 0; got '{v}'.");
}
