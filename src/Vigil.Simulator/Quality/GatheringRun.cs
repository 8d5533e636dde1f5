using System.Text.Json;

namespace Vigil.Simulator.Quality;

/// <summary>
/// One D6 run judged two ways: against the <b>scripted</b> labels (the gatherings the scenario builder planted; a raise
/// of an unplanned but real co-presence is incidental, not false), and against the <b>truth</b> — every gathering by
/// the definition in the simulated true positions (<see cref="TrueGatherings"/>), planted or not, so recall also
/// counts the unplanned ones and delay runs from each one's third true arrival.
/// </summary>
public sealed record GatheringRun(GatheringReport Scripted, GatheringReport Truth)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToText() => Scripted.ToText("scripted labels") + Truth.ToText("true positions");

    /// <summary>The bars (D6: recall of the observable gatherings and precision ≥ 95 %) in both views; every failure is named with its view.</summary>
    public IReadOnlyList<string> Failures(double minRecall, double minPrecision) =>
        [.. Scripted.Failures(minRecall, minPrecision).Select(f => $"scripted: {f}"), .. Truth.Failures(minRecall, minPrecision).Select(f => $"truth: {f}")];
}
