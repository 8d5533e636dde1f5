using System.Text;
using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Tests.Telemetry;

/// <summary>Parse must never throw: whatever a device or an attacker sends, the answer is a batch.</summary>
public class TelemetryParserFuzzTests
{
    // Bytes that most often turn valid JSON into tricky JSON: structure, number parts, escapes, UTF-8 lead bytes.
    private static readonly byte[] Interesting = Encoding.UTF8.GetBytes("{}[]\",:0123456789.eE+-\\u tfn ZT\uD7FF")
        .Concat(new byte[] { 0x00, 0x7F, 0x80, 0xC3, 0xE2, 0xED, 0xF0, 0xFF })
        .ToArray();

    [Fact]
    public void Parse_SeededMutationsOfExample_NeverThrows()
    {
        var random = new Random(20261123);
        var example = Encoding.UTF8.GetBytes(TelemetryBody.Example);
        var batchOfTwo = Encoding.UTF8.GetBytes($"[{TelemetryBody.Example},{TelemetryBody.Example}]");

        for (var i = 0; i < 2000; i++)
        {
            var body = Mutate(random, i % 2 == 0 ? example : batchOfTwo);

            AssertConsistent(body);
        }
    }

    [Fact]
    public void Parse_SeededRandomBytes_NeverThrows()
    {
        var random = new Random(7);

        for (var i = 0; i < 500; i++)
        {
            var body = new byte[random.Next(0, 64)];
            if (i % 2 == 0)
                random.NextBytes(body);
            else
            {
                for (var j = 0; j < body.Length; j++)
                    body[j] = Interesting[random.Next(Interesting.Length)];
            }

            AssertConsistent(body);
        }
    }

    [Theory]
    [InlineData("""{"seq":1,"t":"\uD800"}""")]
    [InlineData("""{"seq":1,"t":"2026-11-23T03:15:30Z","fix":{"lat":1,"lon":2,"src":"\uDFFF"}}""")]
    [InlineData("""{"seq":1,"t":"2026-11-23T03:15:30Z","wear":{"strap":"\uD800\u0041"}}""")]
    [InlineData("""{"seq":1,"t":"0001-01-01T00:00:00+14:00"}""")]
    [InlineData("""{"seq":1,"t":"9999-12-31T23:59:59-14:00"}""")]
    [InlineData("""{"seq":1,"t":"2026-11-23T03:15:30+99:99"}""")]
    [InlineData("""{"seq":1e99999999999,"t":"2026-11-23T03:15:30Z"}""")]
    [InlineData("""{"seq":-0.0e-0,"t":"2026-11-23T03:15:30Z"}""")]
    public void Parse_NastyValues_RejectedNotThrown(string json)
    {
        var batch = TelemetryBody.Parse(json);

        Assert.False(batch.IsMalformed);
        Assert.Single(batch.Rejected);
    }

    private static void AssertConsistent(byte[] body)
    {
        var batch = TelemetryParser.Parse(body, TelemetryBody.ReceivedAt, TelemetryLimits.Default);

        if (batch.IsMalformed)
        {
            Assert.Empty(batch.Accepted);
            Assert.Empty(batch.Rejected);
            Assert.NotNull(batch.MalformedReason);
        }
        else
        {
            Assert.NotEmpty(batch.Accepted.Count == 0 ? batch.Rejected.Cast<object>() : batch.Accepted);
            Assert.All(batch.Rejected, r => Assert.False(string.IsNullOrEmpty(r.Field) || string.IsNullOrEmpty(r.Reason)));
        }
    }

    private static byte[] Mutate(Random random, byte[] source)
    {
        var bytes = new List<byte>(source);
        var edits = random.Next(1, 5);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 12), bytes.Count - at));
                    break;
                case 3:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 4:
                    var length = Math.Min(random.Next(1, 40), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
