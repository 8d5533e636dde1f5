using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Tests.Telemetry;

public class TelemetryParserTests
{
    [Fact]
    public void Parse_ProtocolExample_ExactValues()
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Example);

        Assert.Equal(1042, message.Seq);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 3, 15, 30, TimeSpan.Zero), message.MeasuredAt);
        Assert.Equal(TimeSpan.Zero, message.MeasuredAt.Offset);
        Assert.Equal(new Fix(21.02851, 105.85422, 8.5, FixSource.Gnss, 1.2, 270, 12), message.Fix);
        Assert.Equal(new BatteryReading(76, false), message.Battery);
        Assert.Equal(new WearReading(StrapState.Closed, true, CaseState.Closed), message.Wear);
        Assert.Equal(new Vitals(72, 45.2, 98, 33.1, 2.31, 14), message.Vitals);
        Assert.Equal(new MotionReading(12, 0.31), message.Motion);
        Assert.Equal([new DeviceEvent(DeviceEventKind.PowerOn, null)], message.Events);
    }

    [Fact]
    public void Parse_SingleObjectAndOneElementArray_SameMessage()
    {
        var single = TelemetryBody.Parse(TelemetryBody.Example);
        var array = TelemetryBody.Parse($"[{TelemetryBody.Example}]");

        var fromSingle = Assert.Single(single.Accepted);
        var fromArray = Assert.Single(array.Accepted);
        Assert.Equal(fromSingle with { Events = [] }, fromArray with { Events = [] });
        Assert.Equal(fromSingle.Events, fromArray.Events);
    }

    [Fact]
    public void Parse_BatchOfGoodAndBad_KeepsGoodInOrderAndRejectsBadByIndex()
    {
        var body = "[" + string.Join(",",
            TelemetryBody.Message(seq: 1),
            TelemetryBody.Message("""
                "fix":{"lat":91.5,"lon":105.8}
                """, seq: 2),
            TelemetryBody.Message(seq: 3),
            "7",
            TelemetryBody.Message("""
                "bat":{"pct":101}
                """, seq: 5),
            TelemetryBody.Message(seq: 6)) + "]";

        var batch = TelemetryBody.Parse(body);

        Assert.False(batch.IsMalformed);
        Assert.Equal([1L, 3L, 6L], batch.Accepted.Select(m => m.Seq));
        Assert.Equal(
            [
                new Rejection(1, 2, "fix.lat", "latitude must be within ±90; got 91.5"),
                new Rejection(3, null, "message", "a message must be a JSON object; got 7"),
                new Rejection(4, 5, "bat.pct", "battery level must be within 0–100; got 101"),
            ],
            batch.Rejected);
    }

    [Fact]
    public void Parse_OnlySeqAndTime_AllSectionsAbsentAndNoEvents()
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message(seq: 0));

        Assert.Equal(0, message.Seq);
        Assert.Null(message.Fix);
        Assert.Null(message.Battery);
        Assert.Null(message.Wear);
        Assert.Null(message.Vitals);
        Assert.Null(message.Motion);
        Assert.Empty(message.Events);
    }

    [Fact]
    public void Parse_NullSections_TreatedAsAbsent()
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message("""
            "fix":null,"bat":null,"wear":null,"vitals":null,"motion":null,"events":null
            """));

        Assert.Null(message.Fix);
        Assert.Null(message.Battery);
        Assert.Null(message.Wear);
        Assert.Null(message.Vitals);
        Assert.Null(message.Motion);
        Assert.Empty(message.Events);
    }

    [Fact]
    public void Parse_NullOptionalFields_TreatedAsAbsent()
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message("""
            "fix":{"lat":21.0,"lon":105.8,"acc":null,"src":null,"spd":null,"hdg":null,"alt":null},
            "bat":{"pct":50,"chg":null},
            "wear":{"strap":"cut","skin":null,"case":null},
            "vitals":{"hr":null,"hrv":null,"spo2":91,"temp":null,"eda":null,"rr":null},
            "motion":{"steps":null,"act":0}
            """));

        Assert.Equal(new Fix(21.0, 105.8, null, null, null, null, null), message.Fix);
        Assert.Equal(new BatteryReading(50, null), message.Battery);
        Assert.Equal(new WearReading(StrapState.Cut, null, null), message.Wear);
        Assert.Equal(new Vitals(null, null, 91, null, null, null), message.Vitals);
        Assert.Equal(new MotionReading(null, 0), message.Motion);
    }

    [Fact]
    public void Parse_SectionsWithNothingMeasured_Absent()
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message("""
            "fix":{"acc":30,"src":"cell"},"bat":{"chg":true},"wear":{},"vitals":{"hr":null},"motion":{}
            """));

        Assert.Null(message.Fix);
        Assert.Null(message.Battery);
        Assert.Null(message.Wear);
        Assert.Null(message.Vitals);
        Assert.Null(message.Motion);
    }

    [Fact]
    public void Parse_UnknownFieldsEverywhere_Ignored()
    {
        var message = TelemetryBody.Accepted("""
            {
              "v": 2, "extra": {"nested": {"deep": [1, {"x": [[], {}]}, "s", null, true]}},
              "seq": 7, "t": "2026-11-23T03:15:30Z",
              "fix": {"lat": 21.0, "lon": 105.8, "sats": 9, "dop": {"h": 1.1, "v": [2]}},
              "bat": {"pct": 50, "volts": 3.9},
              "wear": {"strap": "closed", "light": [1, 2]},
              "vitals": {"hr": 72, "ecg": [0.1, 0.2, {"lead": "I"}]},
              "motion": {"steps": 3, "gyro": {"x": 1}},
              "cell": [{"mcc": 452, "mnc": 4}]
            }
            """);

        Assert.Equal(7, message.Seq);
        Assert.Equal(21.0, message.Fix!.Lat);
        Assert.Equal(50, message.Battery!.Percent);
        Assert.Equal(StrapState.Closed, message.Wear!.Strap);
        Assert.Equal(72, message.Vitals!.HeartRateBpm);
        Assert.Equal(3, message.Motion!.Steps);
    }

    [Fact]
    public void Parse_DuplicateKeys_LastWins()
    {
        var message = TelemetryBody.Accepted("""
            {"seq":1,"seq":2,"t":"2026-11-23T03:15:30Z","fix":{"lat":91.5,"lat":21.0,"lon":105.8},"bat":{"pct":10},"bat":{"pct":20}}
            """);

        Assert.Equal(2, message.Seq);
        Assert.Equal(21.0, message.Fix!.Lat);
        Assert.Equal(20, message.Battery!.Percent);
    }

    [Fact]
    public void Parse_DuplicateKeyLastBad_Rejected()
    {
        var rejection = TelemetryBody.Rejected("""
            {"seq":1,"t":"2026-11-23T03:15:30Z","bat":{"pct":20},"bat":{"pct":101}}
            """);

        Assert.Equal("bat.pct", rejection.Field);
    }

    [Fact]
    public void Parse_EscapedPropertyName_SameAsPlain()
    {
        var message = TelemetryBody.Accepted("""
            {"s\u0065q":3,"t":"2026-11-23T03:15:30Z","fix":{"l\u0061t":21.0,"lon":105.8,"src":"\u0067nss"}}
            """);

        Assert.Equal(3, message.Seq);
        Assert.Equal(new Fix(21.0, 105.8, null, FixSource.Gnss, null, null, null), message.Fix);
    }

    [Fact]
    public void Parse_PropertyNameWithUnpairedSurrogate_IgnoredAsUnknown()
    {
        var message = TelemetryBody.Accepted("""
            {"seq":3,"\uD800":{"a":1},"t":"2026-11-23T03:15:30Z"}
            """);

        Assert.Equal(3, message.Seq);
    }

    [Fact]
    public void Parse_RejectedMessageWithValidSeq_RejectionCarriesSeq()
    {
        var rejection = TelemetryBody.Rejected(TelemetryBody.Message("""
            "vitals":{"hr":301}
            """, seq: 88));

        Assert.Equal(new Rejection(0, 88, "vitals.hr", "heart rate must be within 0–300 beats/min; got 301"), rejection);
    }

    [Fact]
    public void Parse_SeveralBadFields_OneRejectionForTheMessage()
    {
        var rejection = TelemetryBody.Rejected("""
            {"seq":-1,"t":"2026-11-23T03:15:30Z","bat":{"pct":101}}
            """);

        Assert.Equal("seq", rejection.Field);
        Assert.Null(rejection.Seq);
    }
}
