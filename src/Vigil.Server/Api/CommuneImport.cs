using System.Text.Json;
using Vigil.Domain;

namespace Vigil.Server.Api;

/// <summary>Parses commune files into rows; a row that cannot be read carries its error instead of stopping the import.</summary>
internal static class CommuneImport
{
    public sealed record Row(int Index, string? Code, string? Name, string? Province, string? Boundary, DomainException? Error);

    public static List<Row> FromCsv(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int code = header.IndexOf("code"), name = header.IndexOf("name"), province = Math.Max(header.IndexOf("province"), header.IndexOf("province_code"));
        if (code < 0 || name < 0 || province < 0)
        {
            throw new DomainException("body", "bad-header", "The CSV header must name the columns code, name and province.");
        }

        var rows = new List<Row>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = SplitCsv(lines[i]);
            string? Get(int index) => index >= 0 && index < fields.Count && fields[index].Trim().Length > 0 ? fields[index].Trim() : null;
            var boundaryIndex = header.IndexOf("boundary");
            rows.Add(Validate(i - 1, Get(code), Get(name), Get(province), Get(boundaryIndex)));
        }

        return rows;
    }

    public static List<Row> FromGeoJson(string text)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException e)
        {
            throw new DomainException("body", "malformed-json", $"The file is not valid JSON: {e.Message}");
        }

        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new DomainException("features", "missing", "A GeoJSON FeatureCollection with a 'features' array is expected.");
        }

        return features.EnumerateArray().Select((f, i) =>
        {
            if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
            {
                return new Row(i, null, null, null, null, new DomainException($"features[{i}].properties", "missing", "Each feature needs properties code, name and province."));
            }

            string? Prop(string key) => p.TryGetProperty(key, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;
            var boundary = f.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object ? g.GetRawText() : null;
            return Validate(i, Prop("code"), Prop("name"), Prop("province") ?? Prop("province_code"), boundary);
        }).ToList();
    }

    private static Row Validate(int index, string? code, string? name, string? province, string? boundary)
    {
        var error = code is null || code.Length > 16 ? new DomainException("code", "required", "A commune needs a code of at most 16 characters.")
            : name is null || name.Length > 150 ? new DomainException("name", "required", "A commune needs a name of at most 150 characters.")
            : province is null ? new DomainException("province", "required", "A commune needs its province code.")
            : null;
        return new Row(index, code, name, province, boundary, error);
    }

    /// <summary>Splits one CSV line, honouring double-quoted fields (a GeoJSON boundary contains commas).</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
