using System.Globalization;
using Vigil.Domain.Rules;
using Vigil.Domain.Telemetry;

namespace Vigil.Simulator.Empatica;

/// <summary>
/// The real E4 recording through the health rules, minute by minute, as a worn band under monitoring. It can show
/// false alarms only: nothing in it is labelled. The E4 has no SpO2 and no respiration, so the overdose criteria can
/// only be checked for staying silent without them. The accelerometer file covers only part of the session: minutes
/// without it are replayed as "at rest" (activity 0.1), the harsher assumption, since every such minute is then scored.
/// </summary>
public static class E4Replay
{
    public sealed record Result(int Minutes, int WithHeartRate, int WithHrv, int WithEda, int WithTemperature, int WithMotion,
        int OverdoseAlerts, int DrugUseFlags, int QuickBaselineFlags, int ScoredMinutes, double? MaxScore, int MinutesAtOrAboveFlag)
    {
        public string ToTable() => string.Create(CultureInfo.InvariantCulture,
            $"""
            E4 recording: {Minutes} minutes (heart rate {WithHeartRate}, HRV {WithHrv}, EDA {WithEda}, skin temperature {WithTemperature}, accelerometer {WithMotion}; no SpO2, no respiration)
            possible overdose alarms: {OverdoseAlerts}; 'possible drug use' flags: {DrugUseFlags} with the default baseline (not ready within the recording), {QuickBaselineFlags} with a baseline ready after 20 readings
            with that quick baseline: {ScoredMinutes} minutes scored, highest smoothed score {MaxScore:0.00}, {MinutesAtOrAboveFlag} minutes at or above the flag score
            """);
    }

    public static Result Run(E4Recording recording)
    {
        var (overdose, flags, _) = Replay(recording, new RuleOptions());
        var quick = new RuleOptions { Health = { BaselineReadyReadings = 20 } };
        var (_, quickFlags, scores) = Replay(recording, quick);
        var m = recording.Minutes;
        return new Result(m.Count, m.Count(x => x.HeartRateBpm is not null), m.Count(x => x.HrvRmssdMs is not null), m.Count(x => x.EdaMicrosiemens is not null),
            m.Count(x => x.SkinTemperatureC is not null), m.Count(x => x.Activity is not null), overdose, flags, quickFlags, scores.Count,
            scores.Count == 0 ? null : scores.Max(), scores.Count(s => s >= quick.Health.ArousalFlagScore));
    }

    private static (int Overdose, int Flags, List<double> Scores) Replay(E4Recording recording, RuleOptions options)
    {
        var engine = new RuleEngine(options, HotspotIndex.Empty);
        var twin = new DeviceTwin();
        var @case = new CaseSnapshot { PersonId = Guid.NewGuid(), Monitored = [new TimeWindow(recording.Start.AddDays(-1), null)] };
        var worn = new WearReading(StrapState.Closed, true, CaseState.Closed);
        var signals = new List<RuleSignal>();
        var scores = new List<double>();
        long seq = 0;
        foreach (var minute in recording.Minutes)
        {
            var vitals = new Vitals(minute.HeartRateBpm, minute.HrvRmssdMs, null, minute.SkinTemperatureC, minute.EdaMicrosiemens, null);
            var message = new DeviceMessage(seq++, minute.At, null, null, worn, vitals, new MotionReading(0, minute.Activity ?? 0.1), []);
            signals.AddRange(engine.OnMessage(twin, message, @case, minute.At.AddSeconds(2)).Signals);
            if (twin.Health.ArousalAt == minute.At && twin.Health.Arousal is { } score)
            {
                scores.Add(score);
            }
        }

        var raised = signals.Where(s => s.Kind == SignalKind.Raised).ToList();
        return (raised.Count(s => s.Rule == RuleKind.PossibleOverdose), raised.Count(s => s.Rule == RuleKind.PossibleDrugUse), scores);
    }
}
