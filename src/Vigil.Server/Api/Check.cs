using System.Text.RegularExpressions;
using Vigil.Domain;

namespace Vigil.Server.Api;

/// <summary>Field checks at the edge; each failure names the field and the rule.</summary>
internal static partial class Check
{
    public static string Text(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? throw new DomainException(field, "required", $"'{field}' is required.") : "";
        }

        var trimmed = value.Trim();
        return trimmed.Length > maxLength
            ? throw new DomainException(field, "too-long", $"'{field}' may be at most {maxLength} characters; it has {trimmed.Length}.")
            : trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, field, maxLength);

    public static string NationalId(string? value) =>
        value is not null && NationalIdPattern().IsMatch(value)
            ? value
            : throw new DomainException("nationalId", "invalid-national-id", "A citizen identity number is exactly 12 digits.");

    public static string? Phone(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return PhonePattern().IsMatch(value)
            ? value
            : throw new DomainException(field, "invalid-phone", "A phone number is 9 to 15 digits, optionally starting with +.");
    }

    public static void Position(double? lat, double? lon, string latField, string lonField)
    {
        if (lat is null != lon is null)
        {
            throw new DomainException(lat is null ? latField : lonField, "incomplete-position", "Give both latitude and longitude, or neither.");
        }

        if (lat is { } la && (!double.IsFinite(la) || la is < -90 or > 90))
        {
            throw new DomainException(latField, "out-of-range", $"Latitude must be within ±90; got {la}.");
        }

        if (lon is { } lo && (!double.IsFinite(lo) || lo is < -180 or > 180))
        {
            throw new DomainException(lonField, "out-of-range", $"Longitude must be within ±180; got {lo}.");
        }
    }

    public static DomainException Missing(string field) => new(field, "required", $"'{field}' is required.");

    public static T Defined<T>(T value, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new DomainException(field, "unknown-value", $"'{value}' is not a known {typeof(T).Name}.");

    /// <summary>An optional enum in a query string, by name in any case ("inStock", "InStock").</summary>
    public static T? QueryEnum<T>(string? value, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return !value.Contains(',', StringComparison.Ordinal) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && !int.TryParse(value, out _)
            ? parsed
            : throw new DomainException(field, "unknown-value",
                $"'{value}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex NationalIdPattern();

    [GeneratedRegex(@"^\+?\d{9,15}$")]
    private static partial Regex PhonePattern();
}
