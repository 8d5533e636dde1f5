using System.Globalization;

namespace Vigil.LoadHarness;

/// <summary>The command line of one harness run.</summary>
internal sealed record HarnessOptions
{
    public string Database { get; init; } = "sqlite";

    public string? Postgres { get; init; }

    public int Devices { get; init; } = 1000;

    /// <summary>Target messages per second over all devices; 0 means as fast as the in-flight cap allows (saturation).</summary>
    public int Rate { get; init; } = 1000;

    /// <summary>Total sending time, warm-up included.</summary>
    public int Seconds { get; init; } = 60;

    public int WarmupSeconds { get; init; } = 15;

    /// <summary>Most messages awaiting their PUBACK at once, over all devices.</summary>
    public int MaxInFlight { get; init; } = 20_000;

    /// <summary>Tamper messages sent during the measured window (one per device, spread evenly) for the alert latency.</summary>
    public int AlertSamples { get; init; } = 40;

    public bool Compare { get; init; }

    /// <summary>Burst mode (P4): every device uploads this many hours of buffered messages at once, in arrays of 500; 0: off.</summary>
    public double BurstHours { get; init; }

    public bool BrokerOnly { get; init; }

    /// <summary>P6 instead of a load run: the memory each activated device actor adds.</summary>
    public bool Memory { get; init; }

    /// <summary>
    /// P6: the fleet sizes, in rising order, at which the memory run measures (the last is <c>--devices</c>); the
    /// slope between two of them is the memory per additional device, free of the first activations' warm-up.
    /// </summary>
    public IReadOnlyList<int> Stages { get; init; } = [];

    /// <summary>
    /// P6: how long the memory run waits after a stage's uploads are evaluated before it measures (default 5 s). Past
    /// ~2 minutes the state of the upload itself is gone (the credential entry, the upload count, the live throttle,
    /// each swept once used) and what is measured is a device between its reports: the actor, its twin, its case and its trail.
    /// </summary>
    public int SettleSeconds { get; init; } = 5;

    public string? Out { get; init; }

    /// <summary>Internal: run as the bare broker on this port (the broker-only mode's server process).</summary>
    public int? ServeBrokerPort { get; init; }

    public bool IsPostgres => Database == "postgres";

    public static HarnessOptions Parse(string[] args)
    {
        var options = new HarnessOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--db" => options with { Database = Next() },
                "--postgres" => options with { Postgres = Next(), Database = "postgres" },
                "--devices" => options with { Devices = NextInt() },
                "--rate" => options with { Rate = NextInt() },
                "--seconds" => options with { Seconds = NextInt() },
                "--warmup" => options with { WarmupSeconds = NextInt() },
                "--max-in-flight" => options with { MaxInFlight = NextInt() },
                "--alert-samples" => options with { AlertSamples = NextInt() },
                "--compare" => options with { Compare = true },
                "--burst-hours" => options with { BurstHours = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--broker-only" => options with { BrokerOnly = true },
                "--memory" => options with { Memory = true },
                "--stages" => options with { Stages = [.. Next().Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--settle" => options with { SettleSeconds = NextInt() },
                "--out" => options with { Out = Next() },
                "--serve-broker" => options with { ServeBrokerPort = NextInt() },
                _ => throw new ArgumentException($"Unknown argument {args[i]}. See docs/benchmarks.md for the harness's options."),
            };
        }

        if (options.Database is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--db must be sqlite or postgres, not {options.Database}.");
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.Postgres) && !options.BrokerOnly)
        {
            throw new ArgumentException("--db postgres needs --postgres \"<connection string to an empty database>\".");
        }

        if (options.BurstHours is < 0 or > 72)
        {
            throw new ArgumentException("--burst-hours must be between 0 and 72 (a band buffers up to 72 hours).");
        }

        // The memory run opens no MQTT session per device, so it can go to P6's 300,000.
        var most = options.Memory ? 300_000 : 40_000;
        if (options.Devices < 2 || options.Devices > most || options.Seconds <= options.WarmupSeconds || options.Rate < 0)
        {
            throw new ArgumentException($"Expected 2 ≤ --devices ≤ {most}, --seconds > --warmup and --rate ≥ 0.");
        }

        if (options.Stages.Any(s => s < 1 || s >= options.Devices) || !options.Stages.SequenceEqual(options.Stages.Order().Distinct()))
        {
            throw new ArgumentException("--stages must be rising fleet sizes, each at least 1 and below --devices (e.g. --devices 20000 --stages 2000,10000).");
        }

        if (options.SettleSeconds is < 0 or > 3_600)
        {
            throw new ArgumentException("--settle must be 0 to 3600 seconds.");
        }

        return options;
    }
}
