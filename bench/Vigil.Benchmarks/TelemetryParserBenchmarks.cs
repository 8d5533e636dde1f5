using System.Text;
using BenchmarkDotNet.Attributes;
using Vigil.Domain.Telemetry;

namespace Vigil.Benchmarks;

/// <summary>Decoding: the protocol's example message, alone and in a buffered batch of 100.</summary>
[MemoryDiagnoser]
public class TelemetryParserBenchmarks
{
    private const string Example = """{"seq":1042,"t":"2026-11-23T03:15:30Z","fix":{"lat":21.02851,"lon":105.85422,"acc":8.5,"src":"gnss","spd":1.2,"hdg":270,"alt":12},"bat":{"pct":76,"chg":false},"wear":{"strap":"closed","skin":true,"case":"closed"},"vitals":{"hr":72,"hrv":45.2,"spo2":98,"temp":33.1,"eda":2.31,"rr":14},"motion":{"steps":12,"act":0.31},"events":["poweron"]}""";

    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 3, 16, 0, TimeSpan.Zero);
    private readonly byte[] _one = Encoding.UTF8.GetBytes(Example);
    private readonly byte[] _hundred = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(Example, 100)) + "]");

    [Benchmark(Description = "one message")]
    public int One() => TelemetryParser.Parse(_one, ReceivedAt, TelemetryLimits.Default).Accepted.Count;

    [Benchmark(Description = "batch of 100", OperationsPerInvoke = 100)]
    public int Hundred() => TelemetryParser.Parse(_hundred, ReceivedAt, TelemetryLimits.Default).Accepted.Count;
}
