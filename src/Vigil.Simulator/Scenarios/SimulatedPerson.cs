using Vigil.Simulator.Model;

namespace Vigil.Simulator.Scenarios;

/// <summary>A person in a scenario: who they are, what happens to them, the case as registered, and what truly happened.</summary>
public sealed class SimulatedPerson(WearerProfile profile, Commune commune, CaseTimeline @case)
{
    public WearerProfile Profile { get; } = profile;

    public Commune Commune { get; } = commune;

    public CaseTimeline Case { get; } = @case;

    public Incidents Incidents { get; } = new();

    public List<GroundTruth> Labels { get; } = [];

    /// <summary>The scenario this person was given ("ordinary" for none).</summary>
    public string Scenario { get; set; } = "ordinary";
}
