using System.Diagnostics.Metrics;
using Vigil.Domain.Rules;

namespace Vigil.Server.Actors;

/// <summary>The rules meter ("Vigil.Rules"): how long the actors take, what they raise, how far behind the store they are.</summary>
public sealed class RulesMetrics
{
    public const string MeterName = "Vigil.Rules";

    private readonly Histogram<double> _evaluationMilliseconds;
    private readonly Histogram<double> _lagMilliseconds;
    private readonly Counter<long> _signals;
    private readonly Counter<long> _twinWrites;

    public RulesMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _evaluationMilliseconds = meter.CreateHistogram<double>("vigil.rules.evaluation.duration", "ms", "One actor evaluation, commit included");
        _lagMilliseconds = meter.CreateHistogram<double>("vigil.rules.lag", "ms", "From a row's commit to the store to its evaluation");
        _signals = meter.CreateCounter<long>("vigil.rules.signals", "{signal}", "Conditions raised and ended, by rule and kind");
        _twinWrites = meter.CreateCounter<long>("vigil.rules.twin.writes", "{write}", "Device twins written (write-behind skips the rest)");
    }

    public void Evaluated(TimeSpan elapsed, TimeSpan lag, IEnumerable<RuleSignal> signals)
    {
        _evaluationMilliseconds.Record(elapsed.TotalMilliseconds);
        _lagMilliseconds.Record(Math.Max(0, lag.TotalMilliseconds));
        foreach (var signal in signals)
        {
            _signals.Add(1, new("rule", signal.Rule.ToString()), new("kind", signal.Kind.ToString()));
        }
    }

    public void TwinWritten() => _twinWrites.Add(1);
}
