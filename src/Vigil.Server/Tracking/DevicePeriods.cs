using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Records;
using Vigil.Server.Data;

namespace Vigil.Server.Tracking;

/// <summary>
/// Which device was on a person when: attachment starts a period, a swap ends the old device's and starts the new
/// one's, collection ends it. Read from the formal records (a corrected record is replaced by its correction), so
/// telemetry of a device is attributed to the person only while it was theirs.
/// </summary>
internal static class DevicePeriods
{
    private static readonly RecordKind[] Kinds = [RecordKind.Attachment, RecordKind.DeviceSwap, RecordKind.Collection];

    /// <summary>One device's time on the person; <paramref name="Until"/> is null while it is still on them.</summary>
    public sealed record Period(string DeviceId, DateTimeOffset From, DateTimeOffset? Until);

    public static async Task<IReadOnlyList<Period>> OfPersonAsync(VigilDbContext db, Guid personId, CancellationToken ct)
    {
        var records = await db.Records.AsNoTracking()
            .Where(r => r.PersonId == personId && Kinds.Contains(r.Kind) && !db.Records.Any(c => c.CorrectsRecordId == r.Id))
            .Select(r => new { r.Kind, r.OccurredAt, r.RecordedAt, r.DeviceId, r.PreviousDeviceId })
            .ToListAsync(ct);
        var deviceIds = records.SelectMany(r => new[] { r.DeviceId, r.PreviousDeviceId }).OfType<Guid>().Distinct().ToList();
        var names = await db.Devices.AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.DeviceId, ct);

        var periods = new List<Period>();
        var open = new Dictionary<Guid, DateTimeOffset>();
        void Close(Guid? device, DateTimeOffset at)
        {
            if (device is { } id && open.Remove(id, out var from) && names.TryGetValue(id, out var name))
            {
                periods.Add(new Period(name, from, at));
            }
        }

        foreach (var r in records.OrderBy(r => r.OccurredAt).ThenBy(r => r.RecordedAt))
        {
            switch (r.Kind)
            {
                case RecordKind.Attachment when r.DeviceId is { } attached:
                    open.TryAdd(attached, r.OccurredAt);
                    break;
                case RecordKind.DeviceSwap:
                    Close(r.PreviousDeviceId, r.OccurredAt);
                    if (r.DeviceId is { } swapped)
                    {
                        open.TryAdd(swapped, r.OccurredAt);
                    }

                    break;
                case RecordKind.Collection:
                    Close(r.DeviceId, r.OccurredAt);
                    break;
            }
        }

        periods.AddRange(open.Where(o => names.ContainsKey(o.Key)).Select(o => new Period(names[o.Key], o.Value, null)));
        return periods;
    }
}
