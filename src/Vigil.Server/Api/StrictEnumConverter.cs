using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Server.Api;

/// <summary>
/// Enums as camelCase names, read strictly: one known name (any case), never a number and never the
/// comma-joined list that <see cref="JsonStringEnumConverter"/> quietly ORs together ("male, female").
/// </summary>
internal sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly FrozenDictionary<string, T> ByName =
            Enum.GetValues<T>().ToFrozenDictionary(v => v.ToString(), v => v, StringComparer.OrdinalIgnoreCase);

        private static readonly string Names = string.Join(", ", Enum.GetValues<T>().Select(ApiNames.Of));

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && ByName.TryGetValue(name, out var value)
                ? value
                : throw new JsonException($"Expected one of: {Names}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(ApiNames.Of(value));
    }
}
