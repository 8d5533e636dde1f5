using System.Globalization;
using Vigil.Simulator.Live;
using Vigil.Simulator.Quality;
using Vigil.Simulator.Scenarios;

namespace Vigil.Simulator;

/// <summary>
/// The command line: <c>quality</c> (the D1–D2 and D4–D5 harness), <c>gatherings</c> (D6), <c>order</c> (P4's same
/// alerts in any delivery order), <c>geolife</c> (D3 on real tracks), <c>e4</c> (the health rules on a real Empatica E4
/// recording), <c>trace</c> (one device's messages as sent) and <c>fleet</c> (drives a running Vigil's demo wearers;
/// the same fleet also runs inside <c>--demo</c>). Options are
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
                "fleet" => await FleetAsync(options),
                "order" => await OrderAsync(options),
                "e4" => await E4Async(options),
                _ => Help(),
            };
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"Vigil refused or did not answer: {e.Message}");
            return 1;
        }
    }

    /// <summary>P4's "the same alerts as in-order delivery": exits 1 when a burst raises different alerts.</summary>
    private static async Task<int> OrderAsync(Dictionary<string, string> o)
    {
        var start = DateTimeOffset.Parse(Str(o, "start", "2026-11-22T17:00:00Z"), CultureInfo.InvariantCulture);
        var report = DeliveryOrderCheck.Run(Int(o, "people", 60), Int(o, "days", 7), Int(o, "seed", 1), start,
            TimeSpan.FromHours(Double(o, "burst-hours", 2)), o.ContainsKey("shuffle"));
        await Console.Out.WriteLineAsync(report.ToTable());
        return report.Same ? 0 : 1;
    }

    /// <summary>Drives the demo wearers of a running Vigil until Ctrl+C (or <c>--minutes</c>).</summary>
    private static async Task<int> FleetAsync(Dictionary<string, string> o)
    {
        var server = Uri.TryCreate(Str(o, "server", "http://localhost:5080"), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/")
            : throw new ArgumentException($"--server must be an http(s) address such as http://localhost:5080; got '{o["server"]}'.");
        var mqtt = Str(o, "mqtt", $"{server.Host}:1883");
        var colon = mqtt.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(mqtt[(colon + 1)..], CultureInfo.InvariantCulture, out var mqttPort) || mqttPort is < 1 or > 65535)
        {
            throw new ArgumentException($"--mqtt must be host:port such as localhost:1883; got '{mqtt}'.");
        }

        var speed = Double(o, "speed", 6);
        var share = Double(o, "https-share", 0.15);
        if (speed is < 1 or > 60 || share > 1)
        {
            throw new ArgumentException(speed is < 1 or > 60 ? $"--speed must be between 1 and 60; got {speed}." : $"--https-share must be between 0 and 1; got {share}.");
        }

        var settings = new FleetSettings(server, mqtt[..colon], mqttPort, Str(o, "credentials", Path.Combine("data", "demo", "credentials.json")),
            Str(o, "officer", "hn.supervisor"), o.ContainsKey("people") ? Int(o, "people", 0) : null, speed, share,
            o.ContainsKey("minutes") ? TimeSpan.FromMinutes(Double(o, "minutes", 0)) : null, TimeSpan.FromSeconds(Int(o, "report-every", 10)));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await FleetCommand.RunAsync(settings, Console.Out, TimeProvider.System, stop.Token);
    }

    private static async Task<int> E4Async(Dictionary<string, string> o)
    {
        var folder = Empatica.E4Recording.FindData(o.GetValueOrDefault("data"))
            ?? throw new ArgumentException("--data: no Empatica E4 folder found (give --data, set VIGIL_E4, or keep shared/data/empatica-e4 beside the repository).");
        var result = Empatica.E4Replay.Run(Empatica.E4Recording.Read(folder));
        await Console.Out.WriteLineAsync(result.ToTable());
        return result.OverdoseAlerts == 0 ? 0 : 1;
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
        detector.SeenTogetherFor = TimeSpan.FromMinutes(Double(o, "seen-together-minutes", detector.SeenTogetherFor.TotalMinutes));
        detector.LeaveAfter = TimeSpan.FromMinutes(Double(o, "leave-after-minutes", detector.LeaveAfter.TotalMinutes));
        detector.FormingLeaveAfter = TimeSpan.FromMinutes(Double(o, "forming-leave-after-minutes", detector.FormingLeaveAfter.TotalMinutes));
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
                       [--max-slack-meters 25] [--window-minutes 8] [--leave-after-minutes 3] [--forming-leave-after-minutes 4]
                       [--stay-meters 100] [--seen-together-minutes 4]
                       Runs the gathering detector minute by minute over the labelled scenarios (D6); exits 1 below a bar.
              geolife  [--data ../shared/data/geolife] [--seed 1] [--json report.json]
                       [--max-false-per-person-week 1] [--min-departures-caught 1]
                       Replays real GeoLife tracks as wristbands (D3); exits 1 when a bar is not met.
              fleet    [--server http://localhost:5080] [--mqtt localhost:1883] [--credentials data/demo/credentials.json]
                       [--officer hn.supervisor] [--people N] [--speed 6] [--https-share 0.15] [--minutes M] [--report-every 10]
                       Drives the demo wearers of a running Vigil (started with --demo --Demo:Fleet=false): logs in
                       as the officer, reads homes and zones through the API, sends over MQTT and HTTPS until Ctrl+C.
              order    [--people 60] [--days 7] [--seed 1] [--burst-hours 2] [--shuffle]
                       P4's third condition: the alerts of in-order delivery vs the same messages held and uploaded
                       in a burst (arrays of 500, oldest first or --shuffle'd); exits 1 when they differ.
              e4       [--data ../shared/data/empatica-e4]
                       Replays the real Empatica E4 recording through the health rules (false alarms only);
                       exits 1 on a possible-overdose alarm.
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
