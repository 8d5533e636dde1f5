using Vigil.Domain.Rules;

namespace Vigil.Domain.Records;

/// <summary>A span during which the formal records put one device on one person: whose location its fixes are.</summary>
public sealed record DeviceAssignment(Guid DeviceId, Guid PersonId, TimeWindow Window)
{
    /// <summary>
    /// Every device the person's records put on them, and when: from the attachment (or the swap onto it) until the
    /// swap away or the collection; open when it is on them still. A corrected record counts only through its
    /// correction (as in <see cref="WearState"/>). A temporary removal does not end the span: the records keep the
    /// device with the person, and what its fixes mean then is for the reader of the evidence.
    /// </summary>
    public static IReadOnlyList<DeviceAssignment> Of(Guid personId, IEnumerable<FormalRecord> records)
    {
        var list = records.Where(r => r.PersonId == personId).ToList();
        var corrected = list.Where(r => r.CorrectsRecordId is not null).Select(r => r.CorrectsRecordId!.Value).ToHashSet();
        var spans = new List<DeviceAssignment>();
        var state = WearState.None;
        DateTimeOffset since = default;
        foreach (var record in list.Where(r => !corrected.Contains(r.Id)).OrderBy(r => r.OccurredAt).ThenBy(r => r.RecordedAt))
        {
            var next = state.Apply(record);
            if (next.DeviceId != state.DeviceId)
            {
                if (state.DeviceId is { } previous && record.OccurredAt > since)
                {
                    spans.Add(new DeviceAssignment(previous, personId, new TimeWindow(since, record.OccurredAt)));
                }

                since = record.OccurredAt;
            }

            state = next;
        }

        if (state.DeviceId is { } current)
        {
            spans.Add(new DeviceAssignment(current, personId, new TimeWindow(since, null)));
        }

        return spans;
    }
}
