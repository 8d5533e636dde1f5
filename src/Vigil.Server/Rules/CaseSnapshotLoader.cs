using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Devices;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Records;
using Vigil.Domain.Requests;
using Vigil.Domain.Rules;
using Vigil.Server.Data;

namespace Vigil.Server.Rules;

/// <summary>
/// Reads the case registry into what the rules judge one device by. Runs when a device's actor activates and
/// when the registry changes, so it costs six queries whatever the length of the history (the device and its
/// person, the managing unit, decisions with their steps, records, scope versions with zones, requests); the
/// folding is pure domain code (<see cref="CaseSnapshotBuilder"/>). Read-only.
/// </summary>
public sealed class CaseSnapshotLoader(VigilDbContext db)
{
    private static readonly RequestKind[] RequestKinds =
        [RequestKind.TemporaryRemoval, RequestKind.TravelReport, RequestKind.ResidenceChange, RequestKind.MalfunctionReport];

    /// <summary>
    /// The case of the device with connection id <paramref name="deviceId"/>: the person it is on, or was on last;
    /// null when the device is unknown or has never been attached to anyone.
    /// </summary>
    public async Task<DeviceCase?> LoadAsync(string deviceId, CancellationToken ct)
    {
        var device = await Owners(db.Devices.AsNoTracking().Where(d => d.DeviceId == deviceId)).SingleOrDefaultAsync(ct);
        if (device?.PersonId is not { } personId)
        {
            return null;
        }

        var unitId = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => db.Units.Where(u => u.Level == UnitLevel.Commune && u.CommuneCode == p.CommuneCode).OrderBy(u => u.Id).Select(u => (Guid?)u.Id).FirstOrDefault()
                ?? db.Units.Where(u => u.Level == UnitLevel.Provincial && u.ProvinceCode == p.ProvinceCode).OrderBy(u => u.Id).Select(u => (Guid?)u.Id).FirstOrDefault())
            .SingleOrDefaultAsync(ct);
        var decisions = await db.Decisions.AsNoTracking().Include(d => d.Actions).Where(d => d.PersonId == personId).ToListAsync(ct);
        var records = await db.Records.AsNoTracking()
            .Where(r => r.PersonId == personId && r.Kind != RecordKind.Warning && r.Kind != RecordKind.PositionChange).ToListAsync(ct);
        var scopes = await db.ScopeVersions.AsNoTracking().Include(s => s.Zones).Where(s => s.PersonId == personId).ToListAsync(ct);
        var requests = await db.Requests.AsNoTracking().Where(r => r.PersonId == personId && RequestKinds.Contains(r.Kind)).ToListAsync(ct);

        var snapshot = CaseSnapshotBuilder.Build(personId, device.Id, decisions, records, scopes, requests);
        return new DeviceCase(personId, unitId ?? Guid.Empty, snapshot);
    }

    /// <summary>
    /// The connection ids of the devices whose case is this person's — every device on them now or last on them —
    /// so that a change to the person's registry entries can refresh those devices' cases. One query.
    /// </summary>
    public async Task<IReadOnlyList<string>> DevicesOfPersonAsync(Guid personId, CancellationToken ct)
    {
        var candidates = db.Devices.AsNoTracking().Where(d => d.AssignedPersonId == personId
            || db.Records.Any(r => r.PersonId == personId && r.DeviceId == d.Id && (r.Kind == RecordKind.Attachment || r.Kind == RecordKind.DeviceSwap)));
        var owners = await Owners(candidates).ToListAsync(ct);
        return [.. owners.Where(o => o.PersonId == personId).Select(o => o.DeviceId).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Each device with the person whose case it belongs to: the one it is assigned to, or else the one the latest
    /// attachment or swap put it on (a collected device stays with its last person, so its last data is judged right).
    /// </summary>
    private IQueryable<DeviceOwner> Owners(IQueryable<Device> devices) => devices.Select(d => new DeviceOwner(
        d.Id,
        d.DeviceId,
        d.AssignedPersonId ?? db.Records
            .Where(r => r.DeviceId == d.Id && (r.Kind == RecordKind.Attachment || r.Kind == RecordKind.DeviceSwap))
            .OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.RecordedAt)
            .Select(r => (Guid?)r.PersonId).FirstOrDefault()));

    private sealed record DeviceOwner(Guid Id, string DeviceId, Guid? PersonId);
}
