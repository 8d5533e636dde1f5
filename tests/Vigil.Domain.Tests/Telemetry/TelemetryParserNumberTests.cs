using System.Globalization;

namespace Vigil.Domain.Tests.Telemetry;

/// <summary>The parser reads plain decimals on a fast path; it must give exactly what double.Parse gives.</summary>
public class TelemetryParserNumberTests
{
    [Theory]
    [InlineData("21.02851")]
    [InlineData("-0.0")]
    [InlineData("0.1")]
    [InlineData("89.999999999999")]
    [InlineData("-89.99999999999999")]
    [InlineData("1.0000000000000002")]
    [InlineData("45.000000000000001")]
    [InlineData("1E1")]
    [InlineData("2.5e-3")]
    [InlineData("12345678901234567890e-18")]
    public void Parse_DecimalText_SameDoubleAsDoubleParse(string text)
    {
        var message = TelemetryBody.Accepted(TelemetryBody.Message($$"""
            "fix":{"lat":{{text}},"lon":0}
            """));

        AssertSameBits(double.Parse(text, CultureInfo.InvariantCulture), message.Fix!.Lat);
    }

    [Fact]
    public void Parse_SeededRandomDecimals_SameDoubleAsDoubleParse()
    {
        var random = new Random(42);
        for (var round = 0; round < 40; round++)
        {
            var texts = Enumerable.Range(0, 500).Select(_ => RandomDecimal(random)).ToArray();
            var body = "[" + string.Join(",", texts.Select((text, i) => TelemetryBody.Message($$"""
                "fix":{"lat":0,"lon":0,"alt":{{text}}}
                """, seq: i))) + "]";

            var batch = TelemetryBody.Parse(body);

            Assert.Empty(batch.Rejected);
            for (var i = 0; i < texts.Length; i++)
                AssertSameBits(double.Parse(texts[i], CultureInfo.InvariantCulture), batch.Accepted[i].Fix!.AltitudeMeters!.Value);
        }
    }

    private static string RandomDecimal(Random random)
    {
        var digits = random.Next(1, 19);
        var text = string.Concat(Enumerable.Range(0, digits).Select(i => (char)('0' + random.Next(i == 0 && digits > 1 ? 1 : 0, 10))));
        var point = random.Next(0, digits);
        if (point > 0)
            text = text[..(digits - point)] + "." + text[(digits - point)..];
        return random.Next(2) == 0 ? "-" + text : text;
    }

    private static void AssertSameBits(double expected, double actual) =>
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"expected {expected:R}, got {actual:R}");
}
