namespace Vigil.Domain.Telemetry;

/// <summary>
/// Parses the numbers devices actually send (<c>-21.02851</c>, <c>270</c>) without the general double parser, which
/// is most of the per-message cost. With at most 15 digits the digits form an exact integer and 10^k (k ≤ 15) is
/// exact, so one IEEE division is correctly rounded: the result is bit-for-bit what <see cref="double.Parse(string)"/>
/// gives (Clinger's fast path). Anything else — exponents, long mantissas — falls back to the general parser.
/// </summary>
internal static class DecimalFastPath
{
    private const int MaxDigits = 15;

    private static ReadOnlySpan<double> PowersOfTen =>
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>Parses a JSON number token already validated by the reader; false when it needs the general parser.</summary>
    public static bool TryParse(ReadOnlySpan<byte> number, out double value)
    {
        value = 0;
        var negative = number.Length > 0 && number[0] == (byte)'-';
        long mantissa = 0;
        var digits = 0;
        var fractionDigits = -1;
        for (var i = negative ? 1 : 0; i < number.Length; i++)
        {
            var c = number[i];
            if (c == (byte)'.')
            {
                fractionDigits = 0;
                continue;
            }

            var digit = (uint)(c - '0');
            if (digit > 9 || ++digits > MaxDigits)
                return false;
            mantissa = (mantissa * 10) + digit;
            if (fractionDigits >= 0)
                fractionDigits++;
        }

        var magnitude = fractionDigits > 0 ? mantissa / PowersOfTen[fractionDigits] : mantissa;
        value = negative ? -magnitude : magnitude;
        return true;
    }
}
