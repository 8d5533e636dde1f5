using System.Text;
using System.Text.Json;

namespace Vigil.Domain.Telemetry;

/// <summary>
/// Value readers shared by the section readers. Each is called with the reader on a value and leaves it on the
/// value's last token, so an object or array of the wrong type is skipped whole. JSON null means absent.
/// </summary>
internal static class TelemetryJson
{
    // Reasons quote what was sent, but a hostile device must not make us build megabyte strings.
    private const int MaxQuotedBytes = 40;

    /// <summary>Moves to the next property's value; false at the end of the object.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            name = default;
            return false;
        }

        // A name that cannot be unescaped is no name we know: its value is skipped like any unknown field.
        if (!TryGetText(ref reader, out name))
            name = default;
        reader.Read();
        return true;
    }

    /// <summary>True on an object to read; false on null (absent) or, with an error, on any other value.</summary>
    public static bool EnterObject(ref Utf8JsonReader reader, string field, out FieldError? error)
    {
        error = null;
        if (reader.TokenType == JsonTokenType.StartObject)
            return true;
        if (reader.TokenType != JsonTokenType.Null)
            error = WrongType(ref reader, field, field, "an object");
        return false;
    }

    public static FieldError? ReadNumber(ref Utf8JsonReader reader, in NumberRule rule, out double? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                // TryGetDouble turns 1e999 into infinity rather than failing.
                if (!DecimalFastPath.TryParse(reader.ValueSpan, out var number)
                    && (!reader.TryGetDouble(out number) || !double.IsFinite(number)))
                    return new(rule.Field, $"{rule.Name} must be a finite number; got {Raw(reader.ValueSpan)}");
                if (number < rule.Min || number > rule.Max)
                    return new(rule.Field, $"{rule.Name} must be {rule.Range}; got {Raw(reader.ValueSpan)}");
                value = number;
                return null;
            default:
                return WrongType(ref reader, rule.Field, rule.Name, "a number");
        }
    }

    public static FieldError? ReadInteger(ref Utf8JsonReader reader, in IntegerRule rule, out long? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var number))
                {
                    if (number < rule.Min || number > rule.Max)
                        return new(rule.Field, $"{rule.Name} must be {rule.Range}; got {Raw(reader.ValueSpan)}");
                    value = number;
                    return null;
                }

                // Not an Int64: either a fraction or exponent (1.5, 1.0, 1e3) or an integer beyond 64 bits.
                return reader.ValueSpan.IndexOfAny(".eE"u8) >= 0
                    ? new(rule.Field, $"{rule.Name} must be an integer; got {Raw(reader.ValueSpan)}")
                    : new(rule.Field, $"{rule.Name} must be {rule.Range}; got {Raw(reader.ValueSpan)}");
            default:
                return WrongType(ref reader, rule.Field, rule.Name, "an integer");
        }
    }

    public static FieldError? ReadBool(ref Utf8JsonReader reader, string field, string name, out bool? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                value = true;
                return null;
            case JsonTokenType.False:
                value = false;
                return null;
            default:
                return WrongType(ref reader, field, name, "true or false");
        }
    }

    /// <summary>Reads a string holding one of a few words; <paramref name="present"/> is false for null.</summary>
    public static FieldError? ReadWord(
        ref Utf8JsonReader reader, string field, string name, string choices, out ReadOnlySpan<byte> word, out bool present)
    {
        word = default;
        present = false;
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.String)
            return WrongType(ref reader, field, name, $"one of {choices}");
        if (!TryGetText(ref reader, out word))
            return new(field, $"{name} must be one of {choices}; got a string with an unpaired surrogate escape");
        present = true;
        return null;
    }

    public static FieldError NotOneOf(string field, string name, string choices, ReadOnlySpan<byte> word) =>
        new(field, $"{name} must be one of {choices}; got \"{Raw(word)}\"");

    /// <summary>Builds the error for a value of the wrong JSON type and skips that value.</summary>
    public static FieldError WrongType(ref Utf8JsonReader reader, string field, string name, string expected)
    {
        var got = Describe(ref reader);
        reader.Skip();
        return new(field, $"{name} must be {expected}; got {got}");
    }

    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{Raw(reader.ValueSpan)}\"",
        JsonTokenType.Number => Raw(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>The unescaped bytes of the current string or property name; false for an unpaired surrogate escape.</summary>
    public static bool TryGetText(ref Utf8JsonReader reader, out ReadOnlySpan<byte> text)
    {
        if (!reader.ValueIsEscaped)
        {
            text = reader.ValueSpan;
            return true;
        }

        // Devices do not escape; this slow path exists so that an escaped name or word still means the same.
        try
        {
            var buffer = new byte[reader.ValueSpan.Length];
            text = buffer.AsSpan(0, reader.CopyString(buffer));
            return true;
        }
        catch (InvalidOperationException)
        {
            text = default;
            return false;
        }
    }

    /// <summary>The sent text for a reason, cut short when long. The body was checked to be valid UTF-8.</summary>
    public static string Raw(ReadOnlySpan<byte> utf8) => utf8.Length <= MaxQuotedBytes
        ? Encoding.UTF8.GetString(utf8)
        : Encoding.UTF8.GetString(utf8[..MaxQuotedBytes]) + "…";
}
