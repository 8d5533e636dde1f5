namespace Vigil.LoadHarness;

/// <summary>One run's figures (one mode), as printed and written to the JSON file.</summary>
internal sealed record RunResult
{
    public required string Mode { get; init; }

    public required string Database { get; init; }

    public required int Devices { get; init; }

    public required int TargetRate { get; init; }

    public double StartSeconds { get; init; }

    public double ConnectSeconds { get; init; }

    /// <summary>Time for one awaited message from every device (activates the actors), before the timed run.</summary>
    public double PrimeSeconds { get; init; }

    public required WindowMeasurement Window { get; init; }

    public long Sent { get; init; }

    public long Acked { get; init; }

    public long Refused { get; init; }

    public long Failed { get; init; }

    public long Unfinished { get; init; }

    public double PubAckP50Ms { get; init; }

    public double PubAckP99Ms { get; init; }

    public double PubAckMaxMs { get; init; }

    /// <summary>Acknowledged rate ≥ 95 % of the target and PUBACK p99 below 1 s.</summary>
    public bool Holds { get; init; }

    public long? StoredRows { get; init; }

    public long? StoredDistinct { get; init; }

    /// <summary>Stored rows equal the acknowledged messages (the timed run's and the priming ones) and no (device, seq) is stored twice.</summary>
    public bool? ZeroLossNoDuplicates { get; init; }

    /// <summary>Working-set growth per connected device after the warm-up: an upper bound of P6 (includes MQTT connection buffers).</summary>
    public double BytesPerDevice => (Window.WorkingSetAfterWarmup - Window.WorkingSetBeforeDevices) / (double)Devices;

    public int AlertsSent { get; init; }

    public int AlertsReceived { get; init; }

    public double? AlertP50Ms { get; init; }

    public double? AlertP99Ms { get; init; }

    public double? AlertMaxMs { get; init; }

    public long LivePositionsReceived { get; init; }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
