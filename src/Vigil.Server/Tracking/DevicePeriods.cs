using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Records;
using Vigil.Server.Data;

namespace Vigil.Server.Tracking;

/// <summary>
/// Which device (by connection id) was on a person when, as the domain's <see cref="DeviceAssignment"/> reads the
/// formal records, so telemetry of a device is attributed to the person only while it was theirs.
/// </summary>
internal static class DevicePeriods
{
    private static readonly RecordKind[] Kinds = [RecordKind.Attachment, RecordKind.DeviceSwap, RecordKind.Collection];

    /// <summary>One device's time on the person; <paramref name="Until"/> is null while it is still on them.</summary>
    public sealed record Period(string DeviceId, DateTimeOffset From, DateTimeOffset? Until);

    public static async Task<IReadOnlyList<Period>> OfPersonAsync(VigilDbContext db, Guid personId, CancellationToken ct)
    {
        var records = await db.Records.AsNoTracking().Where(r => r.PersonId == personId && Kinds.Contains(r.Kind)).ToListAsync(ct);
        var assignments = DeviceAssignment.Of(personId, records);
        var deviceIds = assignments.Select(a => a.DeviceId).Distinct().ToList();
        var names = await db.Devices.AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.DeviceId, ct);
        return [.. assignments.Where(a => names.ContainsKey(a.DeviceId)).Select(a => new Period(names[a.DeviceId], a.Window.From, a.Window.Until))];
    }
}
