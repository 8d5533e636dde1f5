using Vigil.Domain.Rules;

namespace Vigil.Simulator.Scenarios;

/// <summary>
/// The case as the registry would hold it over time (an arrival recorded, a report made): a snapshot from each
/// change on, so the harness hands the engine what the device actor would have loaded at that moment.
/// </summary>
public sealed class CaseTimeline(CaseSnapshot initial)
{
    private readonly List<(DateTimeOffset From, CaseSnapshot Snapshot)> _versions = [(DateTimeOffset.MinValue, initial)];

    public CaseSnapshot Initial => _versions[0].Snapshot;

    /// <summary>From <paramref name="from"/> on, the case reads as <paramref name="change"/> makes it.</summary>
    public void ChangeAt(DateTimeOffset from, Func<CaseSnapshot, CaseSnapshot> change)
    {
        var index = _versions.FindLastIndex(v => v.From <= from);
        var updated = change(_versions[index].Snapshot);
        _versions.Insert(index + 1, (from, updated));
        for (var i = index + 2; i < _versions.Count; i++)
        {
            _versions[i] = (_versions[i].From, change(_versions[i].Snapshot));
        }
    }

    public CaseSnapshot At(DateTimeOffset t) => _versions.Last(v => v.From <= t).Snapshot;

    /// <summary>The instants at which the case changes (the harness re-evaluates deadlines there).</summary>
    public IEnumerable<DateTimeOffset> Changes => _versions.Skip(1).Select(v => v.From);
}
