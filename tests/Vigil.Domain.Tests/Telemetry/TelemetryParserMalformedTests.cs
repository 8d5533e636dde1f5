using System.Text;
using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Tests.Telemetry;

public class TelemetryParserMalformedTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \r\n")]
    [InlineData("hello")]
    [InlineData("{")]
    [InlineData("[")]
    [InlineData("""{"seq":1,"t":"2026-11-23T03:15:30Z",}""")]
    [InlineData("""{"seq":1,"t":"2026-11-23T03:15:30Z"} x""")]
    [InlineData("""{"seq":1,"t":"2026-11-23T03:15:30Z"}{"seq":2,"t":"2026-11-23T03:15:30Z"}""")]
    [InlineData("""{'seq':1}""")]
    [InlineData("""{"seq":1 /* c */,"t":"2026-11-23T03:15:30Z"}""")]
    [InlineData("""[{"seq":1,"t":"2026-11-23T03:15:30Z"},]""")]
    [InlineData("""{"seq":NaN,"t":"2026-11-23T03:15:30Z"}""")]
    [InlineData("42")]
    [InlineData("\"a message\"")]
    [InlineData("null")]
    [InlineData("true")]
    public void Parse_NotAMessageBody_MalformedBody(string body)
    {
        var batch = TelemetryBody.Malformed(body);

        Assert.Equal("body", batch.MalformedField);
    }

    [Fact]
    public void Parse_TruncatedExample_MalformedBody()
    {
        for (var length = 0; length < TelemetryBody.Example.Length - 1; length += 7)
        {
            var batch = TelemetryBody.Malformed(TelemetryBody.Example[..length]);

            Assert.Equal("body", batch.MalformedField);
        }
    }

    [Fact]
    public void Parse_InvalidUtf8_MalformedBody()
    {
        var body = Encoding.UTF8.GetBytes(TelemetryBody.Message("\"events\":[\"fw:X\"]"));
        body[Array.IndexOf(body, (byte)'X')] = 0xFF;

        var batch = TelemetryBody.Malformed(body);

        Assert.Equal("body", batch.MalformedField);
        Assert.Contains("UTF-8", batch.MalformedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_Ignored()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TelemetryBody.Example)).ToArray();

        var batch = TelemetryBody.Parse(body);

        Assert.Equal(1042, Assert.Single(batch.Accepted).Seq);
    }

    [Fact]
    public void Parse_EmptyArray_MalformedBatch()
    {
        var batch = TelemetryBody.Malformed(" [ ] ");

        Assert.Equal("[]", batch.MalformedField);
        Assert.Equal("a batch must hold 1–500 messages; got an empty array", batch.MalformedReason);
    }

    [Fact]
    public void Parse_MaxBatchMessages_AllAccepted()
    {
        var batch = TelemetryBody.Parse(Batch(500));

        Assert.False(batch.IsMalformed);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), batch.Accepted.Select(m => m.Seq));
    }

    [Fact]
    public void Parse_OneOverMaxBatch_MalformedBatch()
    {
        var batch = TelemetryBody.Malformed(Batch(501));

        Assert.Equal("[]", batch.MalformedField);
        Assert.Equal("a batch must hold 1–500 messages; got more than 500", batch.MalformedReason);
    }

    [Fact]
    public void Parse_CustomMaxBatch_Honoured()
    {
        var limits = TelemetryLimits.Default with { MaxBatch = 2 };

        Assert.Equal(2, TelemetryBody.Parse(Batch(2), limits).Accepted.Count);
        Assert.True(TelemetryBody.Parse(Batch(3), limits).IsMalformed);
    }

    [Fact]
    public void Parse_NestingDeeperThanReaderAllows_MalformedBody()
    {
        var deep = new string('[', 100) + new string(']', 100);

        var batch = TelemetryBody.Malformed(TelemetryBody.Message($"\"x\":{deep}"));

        Assert.Equal("body", batch.MalformedField);
    }

    [Fact]
    public void Parse_BadMessageInsideValidJson_OnlyThatMessageRejected()
    {
        var batch = TelemetryBody.Parse($"[{TelemetryBody.Message(seq: 1)},[],null,\"x\",{TelemetryBody.Message(seq: 2)}]");

        Assert.Equal([1L, 2L], batch.Accepted.Select(m => m.Seq));
        Assert.Equal([1, 2, 3], batch.Rejected.Select(r => r.Index));
        Assert.All(batch.Rejected, r => Assert.Equal("message", r.Field));
    }

    private static string Batch(int count) =>
        "[" + string.Join(",", Enumerable.Range(0, count).Select(i => TelemetryBody.Message(seq: i))) + "]";
}
