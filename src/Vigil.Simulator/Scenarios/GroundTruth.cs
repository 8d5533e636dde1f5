using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Simulator.Scenarios;

/// <summary>
/// One labelled thing that truly happened in a scenario, written one per line to the labels file.
/// <see cref="ExpectedRule"/> names the engine rule that should raise it (a <c>RuleKind</c>), or is null for what
/// the engine does not judge as an alert of one device (gatherings; stress episodes, which D5 scores by the arousal score).
/// When <see cref="ExpectAlert"/> is false the label marks something that must NOT raise an alert (an approved
/// removal, approved travel, a suspension, a short exit).
/// </summary>
/// <param name="Start">When it began (true time): the onset from which detection delay is measured.</param>
/// <param name="DueAt">When a perfect detector would raise it (the onset plus the rule's window).</param>
/// <param name="End">When it ended.</param>
public sealed record GroundTruth(
    string Id,
    string Scenario,
    string? ExpectedRule,
    bool ExpectAlert,
    IReadOnlyList<string> DeviceIds,
    DateTimeOffset Start,
    DateTimeOffset DueAt,
    DateTimeOffset End,
    string Description)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    public static GroundTruth FromJsonLine(string line) => JsonSerializer.Deserialize<GroundTruth>(line, Json)
        ?? throw new FormatException("A ground-truth line must be a JSON object.");

    public static async Task WriteAsync(string path, IEnumerable<GroundTruth> labels)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllLinesAsync(path, labels.OrderBy(l => l.Start).ThenBy(l => l.Id, StringComparer.Ordinal).Select(l => l.ToJsonLine()));
    }
}
