using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Tests.Telemetry;

public class TelemetryParserTimeTests
{
    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-23T10:15:30+07:00")]
    [InlineData("2026-11-22T22:15:30-05:00")]
    [InlineData("2026-11-23T03:15:30+00:00")]
    [InlineData("2026-11-23T03:15:30Z")]
    public void Parse_TimeWithOffset_ConvertedToUtc(string t)
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message(t: t));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 3, 15, 30, TimeSpan.Zero), message.MeasuredAt);
        Assert.Equal(TimeSpan.Zero, message.MeasuredAt.Offset);
    }

    [Fact]
    public void Parse_FractionalSeconds_Kept()
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message(t: "2026-11-23T03:15:30.125Z"));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 3, 15, 30, 125, TimeSpan.Zero), message.MeasuredAt);
    }

    [Theory]
    [InlineData("2026-11-23T03:15:30")]
    [InlineData("2026-11-23T03:15:30.5")]
    [InlineData("2026-11-23")]
    [InlineData("2026-11-23T03:15:30+0700")]
    [InlineData("2026-11-23 03:15:30Z")]
    [InlineData("2026-13-23T03:15:30Z")]
    [InlineData("2026-11-23T03:15:60Z")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("1763867730")]
    public void Parse_TimeNotIsoWithOffset_RejectedNamingT(string t)
    {
        var rejection = TelemetryBody.Rejected(TelemetryBody.Message(seq: 5, t: t));

        Assert.Equal("t", rejection.Field);
        Assert.Equal(5, rejection.Seq);
        Assert.Equal($"t must be an ISO-8601 time with an offset (Z or ±hh:mm); got \"{t}\"", rejection.Reason);
    }

    [Theory]
    [InlineData("""{"seq":1}""", "t (the measurement time) is required")]
    [InlineData("""{"seq":1,"t":null}""", "t (the measurement time) is required")]
    [InlineData("""{"seq":1,"t":1763867730}""", "got 1763867730")]
    [InlineData("""{"seq":1,"t":{"iso":"2026-11-23T03:15:30Z"}}""", "got an object")]
    public void Parse_TimeMissingOrNotString_RejectedNamingT(string json, string reason)
    {
        var rejection = TelemetryBody.Rejected(json);

        Assert.Equal("t", rejection.Field);
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExactlyMaxFutureAhead_Accepted()
    {
        var t = TelemetryBody.ReceivedAt + TelemetryLimits.Default.MaxFuture;

        var message = TelemetryBody.Accepted(TelemetryBody.Message(t: Iso(t)));

        Assert.Equal(t, message.MeasuredAt);
    }

    [Fact]
    public void Parse_OneSecondPastMaxFuture_RejectedAsFuture()
    {
        var t = TelemetryBody.ReceivedAt + TelemetryLimits.Default.MaxFuture + TimeSpan.FromSeconds(1);

        var rejection = TelemetryBody.Rejected(TelemetryBody.Message(t: Iso(t)));

        Assert.Equal("t", rejection.Field);
        Assert.Equal(
            "t must be at most 00:05:00 after receipt; got \"2026-11-23T03:21:01+00:00\", 00:05:01 in the future",
            rejection.Reason);
    }

    [Fact]
    public void Parse_FutureJudgedInUtc_OffsetDoesNotShiftTheLimit()
    {
        // 10:21:00+07:00 is 03:21:00Z, exactly 5 min after receipt.
        TelemetryBody.Accepted(TelemetryBody.Message(t: "2026-11-23T10:21:00+07:00"));
        TelemetryBody.Rejected(TelemetryBody.Message(t: "2026-11-23T10:21:01+07:00"));
    }

    [Fact]
    public void Parse_ExactlyMaxAgeOld_Accepted()
    {
        var t = TelemetryBody.ReceivedAt - TelemetryLimits.Default.MaxAge;

        var message = TelemetryBody.Accepted(TelemetryBody.Message(t: Iso(t)));

        Assert.Equal(t, message.MeasuredAt);
    }

    [Fact]
    public void Parse_OneSecondPastMaxAge_RejectedAsTooOld()
    {
        var t = TelemetryBody.ReceivedAt - TelemetryLimits.Default.MaxAge - TimeSpan.FromSeconds(1);

        var rejection = TelemetryBody.Rejected(TelemetryBody.Message(t: Iso(t)));

        Assert.Equal("t", rejection.Field);
        Assert.Equal(
            "t must be at most 3.00:00:00 before receipt; got \"2026-11-20T03:15:59+00:00\", 3.00:00:01 old",
            rejection.Reason);
    }

    [Fact]
    public void Parse_CustomLimits_Honoured()
    {
        var limits = TelemetryLimits.Default with { MaxFuture = TimeSpan.Zero, MaxAge = TimeSpan.FromMinutes(1) };

        var batch = TelemetryBody.Parse(
            "[" + string.Join(",",
                TelemetryBody.Message(seq: 1, t: "2026-11-23T03:16:00Z"),
                TelemetryBody.Message(seq: 2, t: "2026-11-23T03:16:00.001Z"),
                TelemetryBody.Message(seq: 3, t: "2026-11-23T03:15:00Z"),
                TelemetryBody.Message(seq: 4, t: "2026-11-23T03:14:59.999Z")) + "]",
            limits);

        Assert.Equal([1L, 3L], batch.Accepted.Select(m => m.Seq));
        Assert.Equal([1, 3], batch.Rejected.Select(r => r.Index));
    }
}
