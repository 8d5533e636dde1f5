using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Domain.Telemetry;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The stored form of a validated message (the <c>Message</c> column): System.Text.Json source-generated, so that
/// writing it on the hot path costs no reflection. Enums by name, camelCase, nulls left out.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeviceMessage))]
internal sealed partial class TelemetryJson : JsonSerializerContext;
