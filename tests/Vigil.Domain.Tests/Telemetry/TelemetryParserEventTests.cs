using Vigil.Domain.Telemetry;

namespace Vigil.Domain.Tests.Telemetry;

public class TelemetryParserEventTests
{
    [Theory]
    [InlineData("poweron", DeviceEventKind.PowerOn, null)]
    [InlineData("poweroff:user", DeviceEventKind.PowerOffUser, null)]
    [InlineData("poweroff:lowbat", DeviceEventKind.PowerOffLowBattery, null)]
    [InlineData("sos", DeviceEventKind.Sos, null)]
    [InlineData("shock", DeviceEventKind.Shock, null)]
    [InlineData("fall", DeviceEventKind.Fall, null)]
    [InlineData("fault:E42", DeviceEventKind.Fault, "E42")]
    [InlineData("fault:gnss:antenna", DeviceEventKind.Fault, "gnss:antenna")]
    [InlineData("fw:1.4.2-rc1", DeviceEventKind.Firmware, "1.4.2-rc1")]
    public void Parse_KnownEvent_MappedToKind(string wire, DeviceEventKind kind, string? detail)
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message($"\"events\":[\"{wire}\"]"));

        Assert.Equal([new DeviceEvent(kind, detail)], message.Events);
    }

    [Theory]
    [InlineData("teleport")]
    [InlineData("POWERON")]
    [InlineData("poweroff")]
    [InlineData("poweroff:thermal")]
    [InlineData("fault:")]
    [InlineData("fw:")]
    [InlineData("")]
    [InlineData("nhiệt độ")]
    public void Parse_UnknownEvent_KeptAsUnknownWithRawText(string wire)
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message($"\"events\":[\"{wire}\"]"));

        Assert.Equal([new DeviceEvent(DeviceEventKind.Unknown, wire)], message.Events);
    }

    [Fact]
    public void Parse_SeveralEvents_KeptInOrder()
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message("""
            "events":["poweron","fw:2.0","sos","future:thing","fall"]
            """));

        Assert.Equal(
            [
                new DeviceEvent(DeviceEventKind.PowerOn, null),
                new DeviceEvent(DeviceEventKind.Firmware, "2.0"),
                new DeviceEvent(DeviceEventKind.Sos, null),
                new DeviceEvent(DeviceEventKind.Unknown, "future:thing"),
                new DeviceEvent(DeviceEventKind.Fall, null),
            ],
            message.Events);
    }

    [Fact]
    public void Parse_EscapedEventText_Unescaped()
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message("""
            "events":["s\u006fs","fault:\"q\""]
            """));

        Assert.Equal(
            [new DeviceEvent(DeviceEventKind.Sos, null), new DeviceEvent(DeviceEventKind.Fault, "\"q\"")],
            message.Events);
    }

    [Fact]
    public void Parse_BatchWithEvents_EachMessageKeepsItsOwn()
    {
        var batch = TelemetryBody.Parse("[" + string.Join(",",
            TelemetryBody.Message("\"events\":[\"sos\",\"poweron\",\"fall\"]", seq: 1),
            TelemetryBody.Message(seq: 2),
            TelemetryBody.Message("\"events\":[\"shock\"]", seq: 3),
            TelemetryBody.Message("\"events\":[\"fall\",\"shock\"]", seq: 4)) + "]");

        Assert.Equal(
            [
                [DeviceEventKind.Sos, DeviceEventKind.PowerOn, DeviceEventKind.Fall],
                [],
                [DeviceEventKind.Shock],
                [DeviceEventKind.Fall, DeviceEventKind.Shock],
            ],
            batch.Accepted.Select(m => m.Events.Select(e => e.Kind).ToArray()));
    }
}
