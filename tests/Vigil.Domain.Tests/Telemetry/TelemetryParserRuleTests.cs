namespace Vigil.Domain.Tests.Telemetry;

public class TelemetryParserRuleTests
{
    [Theory]
    [InlineData("""{"t":"2026-11-23T03:15:30Z"}""", "seq is required")]
    [InlineData("""{"seq":null,"t":"2026-11-23T03:15:30Z"}""", "seq is required")]
    [InlineData("""{"seq":1.5,"t":"2026-11-23T03:15:30Z"}""", "seq must be an integer; got 1.5")]
    [InlineData("""{"seq":1.0,"t":"2026-11-23T03:15:30Z"}""", "seq must be an integer; got 1.0")]
    [InlineData("""{"seq":1e3,"t":"2026-11-23T03:15:30Z"}""", "seq must be an integer; got 1e3")]
    [InlineData("""{"seq":-1,"t":"2026-11-23T03:15:30Z"}""", "seq must be within 0–9223372036854775807; got -1")]
    [InlineData("""{"seq":9223372036854775808,"t":"2026-11-23T03:15:30Z"}""", "seq must be within 0–9223372036854775807; got 9223372036854775808")]
    [InlineData("""{"seq":99999999999999999999999999,"t":"2026-11-23T03:15:30Z"}""", "got 99999999999999999999999999")]
    [InlineData("""{"seq":-9223372036854775809,"t":"2026-11-23T03:15:30Z"}""", "got -9223372036854775809")]
    [InlineData("""{"seq":"1","t":"2026-11-23T03:15:30Z"}""", "seq must be an integer; got the string \"1\"")]
    [InlineData("""{"seq":true,"t":"2026-11-23T03:15:30Z"}""", "seq must be an integer; got true")]
    [InlineData("""{"seq":{"n":1},"t":"2026-11-23T03:15:30Z"}""", "seq must be an integer; got an object")]
    [InlineData("""{"seq":[1],"t":"2026-11-23T03:15:30Z"}""", "seq must be an integer; got an array")]
    public void Parse_BadSeq_RejectedNamingSeq(string json, string reason)
    {
        var rejection = TelemetryBody.Rejected(json);

        Assert.Equal("seq", rejection.Field);
        Assert.Null(rejection.Seq);
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    // fix
    [InlineData("\"fix\":{\"lat\":91.5,\"lon\":105.8}", "fix.lat", "latitude must be within ±90; got 91.5")]
    [InlineData("\"fix\":{\"lat\":-90.0001,\"lon\":105.8}", "fix.lat", "got -90.0001")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":180.5}", "fix.lon", "longitude must be within ±180; got 180.5")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":-181}", "fix.lon", "got -181")]
    [InlineData("\"fix\":{\"lat\":1e999,\"lon\":105.8}", "fix.lat", "latitude must be a finite number; got 1e999")]
    [InlineData("\"fix\":{\"lat\":\"21.0\",\"lon\":105.8}", "fix.lat", "latitude must be a number; got the string \"21.0\"")]
    [InlineData("\"fix\":{\"lat\":true,\"lon\":105.8}", "fix.lat", "must be a number; got true")]
    [InlineData("\"fix\":{\"lat\":21.0}", "fix.lon", "longitude is required")]
    [InlineData("\"fix\":{\"lon\":105.8,\"acc\":5}", "fix.lat", "latitude is required")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":105,\"acc\":-1}", "fix.acc", "accuracy must be within 0–100000 m; got -1")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":105,\"acc\":100000.1}", "fix.acc", "got 100000.1")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":105,\"src\":\"gps\"}", "fix.src", "source must be one of gnss, wifi, cell; got \"gps\"")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":105,\"src\":\"GNSS\"}", "fix.src", "got \"GNSS\"")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":105,\"src\":1}", "fix.src", "source must be one of gnss, wifi, cell; got 1")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":105,\"spd\":-0.1}", "fix.spd", "speed must be ≥ 0; got -0.1")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":105,\"hdg\":360.5}", "fix.hdg", "heading must be within 0–360; got 360.5")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":105,\"hdg\":-1}", "fix.hdg", "got -1")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":105,\"alt\":\"12\"}", "fix.alt", "altitude must be a number")]
    [InlineData("\"fix\":{\"lat\":21,\"lon\":105,\"alt\":-1e400}", "fix.alt", "altitude must be a finite number")]
    [InlineData("\"fix\":5", "fix", "fix must be an object; got 5")]
    [InlineData("\"fix\":[21,105]", "fix", "fix must be an object; got an array")]
    [InlineData("\"fix\":\"21,105\"", "fix", "fix must be an object")]
    // bat
    [InlineData("\"bat\":{\"pct\":101}", "bat.pct", "battery level must be within 0–100; got 101")]
    [InlineData("\"bat\":{\"pct\":-1}", "bat.pct", "got -1")]
    [InlineData("\"bat\":{\"pct\":50.5}", "bat.pct", "battery level must be an integer; got 50.5")]
    [InlineData("\"bat\":{\"pct\":\"50\"}", "bat.pct", "battery level must be an integer; got the string \"50\"")]
    [InlineData("\"bat\":{\"pct\":50,\"chg\":\"false\"}", "bat.chg", "charging must be true or false; got the string \"false\"")]
    [InlineData("\"bat\":{\"pct\":50,\"chg\":0}", "bat.chg", "got 0")]
    [InlineData("\"bat\":true", "bat", "bat must be an object; got true")]
    // wear
    [InlineData("\"wear\":{\"strap\":\"broken\"}", "wear.strap", "strap must be one of closed, open, cut; got \"broken\"")]
    [InlineData("\"wear\":{\"strap\":false}", "wear.strap", "got false")]
    [InlineData("\"wear\":{\"skin\":\"yes\"}", "wear.skin", "skin contact must be true or false")]
    [InlineData("\"wear\":{\"case\":\"cut\"}", "wear.case", "case must be one of closed, open; got \"cut\"")]
    [InlineData("\"wear\":{\"case\":{}}", "wear.case", "got an object")]
    [InlineData("\"wear\":[]", "wear", "wear must be an object; got an array")]
    // vitals
    [InlineData("\"vitals\":{\"hr\":301}", "vitals.hr", "heart rate must be within 0–300 beats/min; got 301")]
    [InlineData("\"vitals\":{\"hr\":-1}", "vitals.hr", "got -1")]
    [InlineData("\"vitals\":{\"hr\":\"72\"}", "vitals.hr", "heart rate must be a number")]
    [InlineData("\"vitals\":{\"hrv\":1000.5}", "vitals.hrv", "within 0–1000 ms; got 1000.5")]
    [InlineData("\"vitals\":{\"spo2\":100.1}", "vitals.spo2", "SpO2 must be within 0–100 %; got 100.1")]
    [InlineData("\"vitals\":{\"temp\":50.5}", "vitals.temp", "within 0–50 °C; got 50.5")]
    [InlineData("\"vitals\":{\"temp\":-0.5}", "vitals.temp", "got -0.5")]
    [InlineData("\"vitals\":{\"eda\":100.5}", "vitals.eda", "within 0–100 µS; got 100.5")]
    [InlineData("\"vitals\":{\"rr\":101}", "vitals.rr", "respiration rate must be within 0–100 breaths/min; got 101")]
    [InlineData("\"vitals\":{\"rr\":null,\"eda\":[]}", "vitals.eda", "got an array")]
    [InlineData("\"vitals\":7", "vitals", "vitals must be an object")]
    // motion
    [InlineData("\"motion\":{\"steps\":-1}", "motion.steps", "steps must be within 0–2147483647; got -1")]
    [InlineData("\"motion\":{\"steps\":1.5}", "motion.steps", "steps must be an integer; got 1.5")]
    [InlineData("\"motion\":{\"steps\":2147483648}", "motion.steps", "got 2147483648")]
    [InlineData("\"motion\":{\"act\":1.1}", "motion.act", "activity must be within 0–1; got 1.1")]
    [InlineData("\"motion\":{\"act\":-0.1}", "motion.act", "got -0.1")]
    [InlineData("\"motion\":{\"act\":\"high\"}", "motion.act", "activity must be a number")]
    [InlineData("\"motion\":\"still\"", "motion", "motion must be an object")]
    // events
    [InlineData("\"events\":\"poweron\"", "events", "events must be an array of strings; got the string \"poweron\"")]
    [InlineData("\"events\":{\"0\":\"sos\"}", "events", "got an object")]
    [InlineData("\"events\":[1]", "events[0]", "an event must be a string; got 1")]
    [InlineData("\"events\":[\"sos\",null]", "events[1]", "got null")]
    [InlineData("\"events\":[\"sos\",\"fall\",{\"k\":\"x\"},5]", "events[2]", "got an object")]
    [InlineData("\"events\":[[\"sos\"]]", "events[0]", "got an array")]
    [InlineData("\"events\":[\"\\uDC00\"]", "events[0]", "unpaired surrogate")]
    public void Parse_FieldBreaksRule_RejectedNamingFieldAndValue(string sections, string field, string reason)
    {
        var rejection = TelemetryBody.Rejected(TelemetryBody.Message(sections, seq: 9));

        Assert.Equal(field, rejection.Field);
        Assert.Equal(9, rejection.Seq);
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"fix\":{\"lat\":90,\"lon\":180,\"acc\":0,\"spd\":0,\"hdg\":0,\"alt\":-430.5}")]
    [InlineData("\"fix\":{\"lat\":-90,\"lon\":-180,\"acc\":100000,\"hdg\":360,\"alt\":8848}")]
    [InlineData("\"fix\":{\"lat\":0,\"lon\":0,\"src\":\"wifi\"}")]
    [InlineData("\"fix\":{\"lat\":-0.0,\"lon\":1E1,\"src\":\"cell\",\"spd\":250.5}")]
    [InlineData("\"bat\":{\"pct\":0,\"chg\":true}")]
    [InlineData("\"bat\":{\"pct\":100}")]
    [InlineData("\"bat\":{\"pct\":-0}")]
    [InlineData("\"wear\":{\"strap\":\"open\",\"skin\":false,\"case\":\"open\"}")]
    [InlineData("\"vitals\":{\"hr\":0,\"hrv\":0,\"spo2\":0,\"temp\":0,\"eda\":0,\"rr\":0}")]
    [InlineData("\"vitals\":{\"hr\":300,\"hrv\":1000,\"spo2\":100,\"temp\":50,\"eda\":100,\"rr\":100}")]
    [InlineData("\"motion\":{\"steps\":0,\"act\":0}")]
    [InlineData("\"motion\":{\"steps\":2147483647,\"act\":1}")]
    [InlineData("\"events\":[]")]
    public void Parse_ValuesAtTheirLimits_Accepted(string sections)
    {
        TelemetryBody.Accepted(TelemetryBody.Message(sections));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(long.MaxValue)]
    public void Parse_SeqAtItsLimits_Accepted(long seq)
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message(seq: seq));

        Assert.Equal(seq, message.Seq);
    }
}
