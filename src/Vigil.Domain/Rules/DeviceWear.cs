using Vigil.Domain.Records;
using Vigil.Domain.Requests;

namespace Vigil.Domain.Rules;

/// <summary>
/// What a person's formal records say about one device: when it was on the person (attachment or swap onto it
/// until swap away or collection), when it was temporarily off, and when it is due back on.
/// </summary>
internal sealed record DeviceWear(
    IReadOnlyList<TimeWindow> Assigned,
    IReadOnlyList<TimeWindow> Removals,
    IReadOnlySet<Guid> CarriedRequests,
    DateTimeOffset? ReattachmentDueBy)
{
    /// <param name="records">The records that count, in the order they happened.</param>
    public static DeviceWear Fold(Guid deviceId, IReadOnlyList<FormalRecord> records, IReadOnlyList<WearerRequest> requests)
    {
        var approvedRemovals = requests.Where(r => r.Kind == RequestKind.TemporaryRemoval && r.Status == RequestStatus.Approved)
            .ToDictionary(r => r.Id);
        var assigned = new List<TimeWindow>();
        var removals = new List<TimeWindow>();
        DateTimeOffset? onSince = null, offSince = null;
        var state = WearState.None;
        foreach (var record in records)
        {
            var next = state.Apply(record);
            bool wasOn = state.DeviceId == deviceId, isOn = next.DeviceId == deviceId;
            bool wasOff = wasOn && state.TemporarilyRemoved, isOff = isOn && next.TemporarilyRemoved;
            if (!wasOn && isOn)
            {
                onSince = record.OccurredAt;
            }
            else if (wasOn && !isOn)
            {
                assigned.Add(new TimeWindow(onSince!.Value, record.OccurredAt));
            }

            if (!wasOff && isOff)
            {
                // An approval that starts before the removal was recorded covers the strap opening before it.
                offSince = record.RequestId is { } id && approvedRemovals.TryGetValue(id, out var approved) && approved.StartsAt < record.OccurredAt
                    ? approved.StartsAt
                    : record.OccurredAt;
            }
            else if (wasOff && !isOff)
            {
                removals.Add(new TimeWindow(offSince!.Value, record.OccurredAt));
            }

            state = next;
        }

        var onNow = state.DeviceId == deviceId;
        if (onNow)
        {
            assigned.Add(new TimeWindow(onSince!.Value, null));
        }

        if (onNow && state.TemporarilyRemoved)
        {
            // Until the reattachment: a removal that overruns is the overdue-reattachment alert, not self-removal.
            removals.Add(new TimeWindow(offSince!.Value, null));
        }

        var carried = records.Where(r => r.Kind == RecordKind.TemporaryRemoval && r.RequestId is not null).Select(r => r.RequestId!.Value).ToHashSet();
        return new DeviceWear(assigned, removals, carried, onNow && state.TemporarilyRemoved ? state.ExpectedReattachment : null);
    }
}
