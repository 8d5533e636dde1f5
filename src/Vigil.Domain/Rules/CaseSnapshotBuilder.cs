using Vigil.Domain.Decisions;
using Vigil.Domain.Records;
using Vigil.Domain.Requests;
using Vigil.Domain.Scope;

namespace Vigil.Domain.Rules;

/// <summary>
/// Folds the registry's own facts about one person — decision steps, formal records, scope versions, requests —
/// into the <see cref="CaseSnapshot"/> the rules judge one of their devices by. Pure, so the loader only queries.
/// Monitoring counts only while a decision is in force <em>and</em> this device is on the person: data from before
/// the attachment, after a swap or after the collection is never judged.
/// </summary>
public static class CaseSnapshotBuilder
{
    private static readonly SharedValues<string> ZoneNames = new(10_000);
    private static readonly SharedValues<WeeklySchedule> Schedules = new(10_000);

    public static CaseSnapshot Build(
        Guid personId,
        Guid deviceId,
        IEnumerable<MonitoringDecision> decisions,
        IEnumerable<FormalRecord> records,
        IEnumerable<ScopeVersion> scopes,
        IEnumerable<WearerRequest> requests)
    {
        var effective = Effective(records);
        var requestList = requests.ToList();
        var wear = DeviceWear.Fold(deviceId, effective, requestList);
        return new CaseSnapshot
        {
            PersonId = personId,
            Monitored = TimeWindows.Intersect(decisions.SelectMany(InForceWindows), wear.Assigned),
            Scopes = scopes.OrderBy(s => s.EffectiveFrom).Select(Snapshot).ToArray(),
            ApprovedRemovals = TimeWindows.Union(wear.Removals.Concat(
                Approved(requestList, RequestKind.TemporaryRemoval).Where(r => !wear.CarriedRequests.Contains(r.Id)).Select(Planned))),
            ApprovedTravel = TimeWindows.Union(Approved(requestList, RequestKind.TravelReport).Select(Planned)),
            ResidenceChangeReported = TimeWindows.Union(ResidenceChangeWindows(requestList, effective)),
            DepartureAwaitingArrival = DepartureAwaitingArrival(effective),
            ReattachmentDueBy = wear.ReattachmentDueBy,
            MalfunctionReports = MalfunctionReports(requestList, effective),
        };
    }

    /// <summary>
    /// The spans a decision was in force, replaying its steps as <see cref="MonitoringDecision.InForceAt"/> does:
    /// activation and resumption start a span, suspension and ending close it.
    /// </summary>
    public static IEnumerable<TimeWindow> InForceWindows(MonitoringDecision decision)
    {
        DateTimeOffset? since = null;
        foreach (var action in decision.Actions.OrderBy(a => a.EffectiveAt).ThenBy(a => a.RecordedAt))
        {
            switch (action.Kind)
            {
                case DecisionActionKind.Activation or DecisionActionKind.Resumption:
                    since ??= action.EffectiveAt;
                    break;
                case DecisionActionKind.Suspension or DecisionActionKind.Ending when since is { } from:
                    yield return new TimeWindow(from, action.EffectiveAt);
                    since = null;
                    break;
            }
        }

        if (since is { } open)
        {
            yield return new TimeWindow(open, null);
        }
    }

    /// <summary>The records that count, in the order they happened: a corrected record counts only through its correction (as in <see cref="WearState"/>).</summary>
    private static List<FormalRecord> Effective(IEnumerable<FormalRecord> records)
    {
        var list = records.ToList();
        var corrected = list.Where(r => r.CorrectsRecordId is not null).Select(r => r.CorrectsRecordId!.Value).ToHashSet();
        return [.. list.Where(r => !corrected.Contains(r.Id)).OrderBy(r => r.OccurredAt).ThenBy(r => r.RecordedAt)];
    }

    private static ScopeSnapshot Snapshot(ScopeVersion version) => new(
        new TimeWindow(version.EffectiveFrom, version.EffectiveUntil),
        version.Zones.OrderBy(z => z.Kind).ThenBy(z => z.Name, StringComparer.Ordinal).ThenBy(z => z.Id)
            .Select(z => new ZoneSnapshot(z.Id, z.Kind, ZoneNames.Share(z.Name, name => name), z.Shape,
                z.ScheduleJson is { } schedule ? Schedules.Share(schedule, WeeklySchedule.FromJson) : null)).ToArray());

    private static IEnumerable<WearerRequest> Approved(IEnumerable<WearerRequest> requests, RequestKind kind) =>
        requests.Where(r => r.Kind == kind && r.Status == RequestStatus.Approved && r.StartsAt is not null && r.ExpectedEnd is not null);

    private static TimeWindow Planned(WearerRequest request) => new(request.StartsAt!.Value, request.ExpectedEnd);

    /// <summary>From the request until the arrival is recorded; a refused or withdrawn request stops counting when decided.</summary>
    private static IEnumerable<TimeWindow> ResidenceChangeWindows(IEnumerable<WearerRequest> requests, List<FormalRecord> records)
    {
        foreach (var request in requests.Where(r => r.Kind == RequestKind.ResidenceChange))
        {
            var arrival = records.FirstOrDefault(r => r.Kind == RecordKind.ResidenceArrival && r.RequestId == request.Id);
            var until = arrival?.OccurredAt
                ?? (request.Status is RequestStatus.Refused or RequestStatus.Withdrawn ? request.DecidedAt : null);
            yield return new TimeWindow(request.SubmittedAt, until);
        }
    }

    /// <summary>The latest departure, unless an arrival for its request, or any arrival after it, has been recorded.</summary>
    private static DateTimeOffset? DepartureAwaitingArrival(List<FormalRecord> records)
    {
        var departure = records.LastOrDefault(r => r.Kind == RecordKind.ResidenceDeparture);
        var arrived = departure is not null && records.Any(r => r.Kind == RecordKind.ResidenceArrival
            && ((departure.RequestId is not null && r.RequestId == departure.RequestId) || r.OccurredAt >= departure.OccurredAt));
        return departure is null || arrived ? null : departure.OccurredAt;
    }

    /// <summary>When the wearer reported: the request's submission (unless withdrawn) and the officer's malfunction record.</summary>
    private static IReadOnlyList<DateTimeOffset> MalfunctionReports(IEnumerable<WearerRequest> requests, List<FormalRecord> records) =>
        requests.Where(r => r.Kind == RequestKind.MalfunctionReport && r.Status != RequestStatus.Withdrawn).Select(r => r.SubmittedAt)
            .Concat(records.Where(r => r.Kind == RecordKind.MalfunctionReport).Select(r => r.OccurredAt))
            .Distinct().Order().ToArray();
}
