using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Domain.Devices;
using Vigil.Domain.Identity;
using Vigil.Domain.People;
using Vigil.Domain.Records;
using Vigil.Domain.Requests;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>
/// Formal records: attachment, temporary removal, reattachment, position change, device swap, collection,
/// residence departure and arrival, malfunction report, warning. Records are never edited; a correction is a
/// new record of the same kind that names the one it corrects.
/// </summary>
internal static class RecordEndpoints
{
    public static void MapRecordEndpoints(this RouteGroupBuilder api)
    {
        var records = api.MapGroup("/persons/{id:guid}/records").WithTags("Records");
        records.MapGet("", ListAsync);
        records.MapPost("/{kind}", CreateAsync);
    }

    private static async Task<IReadOnlyList<RecordDto>> ListAsync(Guid id, VigilDbContext db, Access access, AuditLog audit, CancellationToken ct)
    {
        var person = await PersonEndpoints.FindAsync(db, id, ct);
        access.EnsureCanRead(person);
        var records = await db.Records.AsNoTracking().Where(r => r.PersonId == id).OrderBy(r => r.RecordedAt).ToListAsync(ct);
        audit.Record("record.list", "person", person.Id, person.Id);
        await audit.SaveAsync(ct);
        return records.OrderBy(r => r.OccurredAt).Select(RecordDto.From).ToList();
    }

    private static async Task<IResult> CreateAsync(Guid id, string kind, RecordRequest request, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var recordKind = ParseKind(kind);
        var person = await PersonEndpoints.FindAsync(db, id, ct);
        WearerRequest? carried = null;
        if (recordKind == RecordKind.ResidenceArrival)
        {
            carried = await EnsureArrivalAccessAsync(db, access, person, request.RequestId, ct);
        }
        else
        {
            access.EnsureCaseWorker(person);
        }

        var now = clock.GetUtcNow();
        var occurredAt = request.OccurredAt ?? now;
        if (occurredAt > now + TimeSpan.FromMinutes(5) || occurredAt < now.AddDays(-30))
        {
            throw new DomainException("occurredAt", "impossible-date", "A record is made within 30 days of the act, and not for the future.");
        }

        Check.Position(request.PlaceLat, request.PlaceLon, "placeLat", "placeLon");
        var existing = await db.Records.AsNoTracking().Where(r => r.PersonId == id).ToListAsync(ct);
        var wear = WearState.From(existing);
        var corrected = request.CorrectsRecordId is { } cid
            ? existing.SingleOrDefault(r => r.Id == cid) ?? throw new DomainException("correctsRecordId", "unknown-record", "This person has no such record.")
            : null;

        Guid? deviceId = request.DeviceId, previousDeviceId = null;
        string? from = null, to = null;
        var position = request.Position is { } p ? Check.Defined(p, "position") : (BodyPosition?)null;
        if (corrected is not null)
        {
            if (corrected.Kind != recordKind)
            {
                throw new DomainException("correctsRecordId", "kind-mismatch", $"A correction must be of the same kind as the record it corrects ({corrected.Kind}).");
            }

            if (deviceId is not null && deviceId != corrected.DeviceId)
            {
                throw new DomainException("deviceId", "device-change", "A correction cannot change the device; record a device swap instead.");
            }

            deviceId = corrected.DeviceId;
            previousDeviceId = corrected.PreviousDeviceId;
            from = corrected.FromCommuneCode;
            to = corrected.ToCommuneCode;
        }
        else
        {
            switch (recordKind)
            {
                case RecordKind.Attachment:
                    await EnsureDecisionInForceAsync(db, person, ct);
                    if (wear.DeviceId is not null)
                    {
                        throw new InvalidTransitionException("deviceId", "already-attached", "A device is already attached; record a swap or a collection first.");
                    }

                    (await DeviceAsync(db, access, deviceId, "deviceId", ct)).AssignTo(person.Id);
                    Require(position, "position");
                    break;
                case RecordKind.TemporaryRemoval:
                    RequireAttached(wear);
                    carried = await ApprovedRequestAsync(db, person, request.RequestId, RequestKind.TemporaryRemoval, required: false, ct);
                    if ((request.ExpectedEnd ?? carried?.ExpectedEnd) is not { } expectedEnd)
                    {
                        throw new DomainException("expectedEnd", "required", "A temporary removal records when it is expected to end.");
                    }

                    if (expectedEnd <= occurredAt)
                    {
                        throw new DomainException("expectedEnd", "before-start", "The expected end must be after the removal.");
                    }

                    Check.Text(request.Reason ?? carried?.Reason, "reason", 2000);
                    deviceId = wear.DeviceId;
                    break;
                case RecordKind.Reattachment:
                    if (!wear.TemporarilyRemoved)
                    {
                        throw new InvalidTransitionException("status", "not-removed", "The device is not temporarily removed.");
                    }

                    deviceId = wear.DeviceId;
                    break;
                case RecordKind.PositionChange:
                    RequireAttached(wear);
                    Require(position, "position");
                    carried = await ApprovedRequestAsync(db, person, request.RequestId, RequestKind.PositionChange, required: false, ct);
                    if (carried is null)
                    {
                        Check.Text(request.Reason, "reason", 2000);
                    }

                    deviceId = wear.DeviceId;
                    break;
                case RecordKind.DeviceSwap:
                    RequireAttached(wear);
                    Check.Text(request.Reason, "reason", 2000);
                    var old = await db.Devices.SingleAsync(d => d.Id == wear.DeviceId, ct);
                    var replacement = await DeviceAsync(db, access, deviceId, "deviceId", ct);
                    old.Release(request.OldDeviceFaulty ? DeviceStatus.InRepair : DeviceStatus.InStock);
                    replacement.AssignTo(person.Id);
                    previousDeviceId = old.Id;
                    break;
                case RecordKind.Collection:
                    if (wear.DeviceId is null)
                    {
                        throw new InvalidTransitionException("deviceId", "no-device", "No device is attached to collect.");
                    }

                    (await db.Devices.SingleAsync(d => d.Id == wear.DeviceId, ct)).Release(DeviceStatus.InStock);
                    deviceId = wear.DeviceId;
                    break;
                case RecordKind.ResidenceDeparture:
                    carried = await ApprovedRequestAsync(db, person, request.RequestId, RequestKind.ResidenceChange, required: true, ct);
                    (from, to) = (carried!.FromCommuneCode, carried.ToCommuneCode);
                    break;
                case RecordKind.ResidenceArrival:
                    (from, to) = (carried!.FromCommuneCode, carried.ToCommuneCode);
                    var commune = await db.Communes.AsNoTracking().SingleAsync(c => c.Code == to, ct);
                    person.TransferTo(commune.ProvinceCode, commune.Code, access.User.Role == Role.ManagingOfficer ? access.User.Id : null);
                    break;
                case RecordKind.MalfunctionReport:
                    carried = await ApprovedRequestAsync(db, person, request.RequestId, RequestKind.MalfunctionReport, required: false, ct);
                    Check.Text(request.Reason ?? carried?.Reason, "reason", 2000);
                    deviceId = wear.DeviceId;
                    break;
                case RecordKind.Warning:
                    Check.Text(request.Reason, "reason", 2000);
                    break;
            }
        }

        var record = new FormalRecord
        {
            PersonId = person.Id,
            Kind = recordKind,
            OccurredAt = occurredAt,
            RecordedAt = now,
            OfficerId = access.User.Id,
            DeviceId = deviceId,
            PreviousDeviceId = previousDeviceId,
            Position = position ?? (recordKind is RecordKind.DeviceSwap or RecordKind.TemporaryRemoval ? wear.Position : null),
            PlaceDescription = Check.Optional(request.PlaceDescription, "placeDescription", 300),
            PlaceLat = request.PlaceLat,
            PlaceLon = request.PlaceLon,
            Reason = Check.Optional(request.Reason ?? carried?.Reason, "reason", 2000),
            ExpectedEnd = request.ExpectedEnd ?? (recordKind == RecordKind.TemporaryRemoval ? carried?.ExpectedEnd : null),
            FromCommuneCode = from,
            ToCommuneCode = to,
            RequestId = carried?.Id ?? request.RequestId,
            CorrectsRecordId = corrected?.Id,
            AcknowledgedByWearer = request.AcknowledgedByWearer,
            Notes = Check.Optional(request.Notes, "notes", 2000),
        };
        db.Records.Add(record);
        audit.Record($"record.{kind}", "record", record.Id, person.Id, new { record.DeviceId, record.Position, corrects = record.CorrectsRecordId });
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/persons/{person.Id}/records", RecordDto.From(record));
    }

    /// <summary>The arrival is recorded by the new commune, which does not yet hold the person: it must be the approved destination.</summary>
    private static async Task<WearerRequest> EnsureArrivalAccessAsync(VigilDbContext db, Access access, Person person, Guid? requestId,
        CancellationToken ct)
    {
        access.Require(Access.CaseWorkers);
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId && r.PersonId == person.Id
            && r.Kind == RequestKind.ResidenceChange && r.Status == RequestStatus.Approved, ct);
        if (request is null || request.ToCommuneCode != access.Jurisdiction.CommuneCode)
        {
            throw new NotFoundException("requestId", "No approved residence change of this person to your commune.");
        }

        if (person.CommuneCode == request.ToCommuneCode)
        {
            throw new InvalidTransitionException("requestId", "already-arrived", "The arrival has already been recorded.");
        }

        var departed = await db.Records.AnyAsync(r => r.RequestId == request.Id && r.Kind == RecordKind.ResidenceDeparture, ct);
        return departed ? request : throw new InvalidTransitionException("requestId", "no-departure", "The old commune has not recorded the departure yet.");
    }

    private static async Task<WearerRequest?> ApprovedRequestAsync(VigilDbContext db, Person person, Guid? requestId, RequestKind kind,
        bool required, CancellationToken ct)
    {
        if (requestId is null)
        {
            return required ? throw new DomainException("requestId", "required", $"This record carries out an approved {kind} request.") : null;
        }

        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.PersonId == person.Id, ct)
            ?? throw new DomainException("requestId", "unknown-request", "This person has no such request.");
        return request.Kind == kind && request.Status == RequestStatus.Approved
            ? request
            : throw new InvalidTransitionException("requestId", "not-approved", $"The request must be an approved {kind} request.");
    }

    private static async Task EnsureDecisionInForceAsync(VigilDbContext db, Person person, CancellationToken ct)
    {
        if (!await db.Decisions.AnyAsync(d => d.PersonId == person.Id
                && (d.Status == Domain.Decisions.DecisionStatus.Signed || d.Status == Domain.Decisions.DecisionStatus.Active), ct))
        {
            throw new InvalidTransitionException("personId", "no-decision", "A device is attached only under a signed decision.");
        }
    }

    private static async Task<Device> DeviceAsync(VigilDbContext db, Access access, Guid? deviceId, string field, CancellationToken ct) =>
        deviceId is { } id
            ? await DeviceEndpoints.FindAsync(db, access, id, ct, field)
            : throw new DomainException(field, "required", "Name the device.");

    private static void RequireAttached(WearState wear)
    {
        if (!wear.Attached)
        {
            throw new InvalidTransitionException("deviceId", "not-attached", "No device is currently attached to this person.");
        }
    }

    private static void Require(BodyPosition? position, string field)
    {
        if (position is null)
        {
            throw new DomainException(field, "required", "Give the body position (leftWrist, rightWrist, leftAnkle, rightAnkle).");
        }
    }

    private static RecordKind ParseKind(string kind) => kind switch
    {
        "attachment" => RecordKind.Attachment,
        "temporary-removal" => RecordKind.TemporaryRemoval,
        "reattachment" => RecordKind.Reattachment,
        "position-change" => RecordKind.PositionChange,
        "device-swap" => RecordKind.DeviceSwap,
        "collection" => RecordKind.Collection,
        "residence-departure" => RecordKind.ResidenceDeparture,
        "residence-arrival" => RecordKind.ResidenceArrival,
        "malfunction-report" => RecordKind.MalfunctionReport,
        "warning" => RecordKind.Warning,
        _ => throw new NotFoundException("kind", $"There is no record kind '{kind}'."),
    };
}

/// <summary>The facts of a formal record; which are required depends on the kind.</summary>
public sealed record RecordRequest(
    DateTimeOffset? OccurredAt, Guid? DeviceId, BodyPosition? Position, string? PlaceDescription, double? PlaceLat, double? PlaceLon,
    string? Reason, DateTimeOffset? ExpectedEnd, Guid? RequestId, Guid? CorrectsRecordId, bool AcknowledgedByWearer, string? Notes,
    bool OldDeviceFaulty = false);

public sealed record RecordDto(
    Guid Id, Guid PersonId, RecordKind Kind, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, Guid OfficerId, Guid? DeviceId,
    Guid? PreviousDeviceId, BodyPosition? Position, string? PlaceDescription, double? PlaceLat, double? PlaceLon, string? Reason,
    DateTimeOffset? ExpectedEnd, string? FromCommuneCode, string? ToCommuneCode, Guid? RequestId, Guid? CorrectsRecordId,
    bool AcknowledgedByWearer, string? Notes)
{
    public static RecordDto From(FormalRecord r) => new(r.Id, r.PersonId, r.Kind, r.OccurredAt, r.RecordedAt, r.OfficerId, r.DeviceId,
        r.PreviousDeviceId, r.Position, r.PlaceDescription, r.PlaceLat, r.PlaceLon, r.Reason, r.ExpectedEnd, r.FromCommuneCode,
        r.ToCommuneCode, r.RequestId, r.CorrectsRecordId, r.AcknowledgedByWearer, r.Notes);
}
