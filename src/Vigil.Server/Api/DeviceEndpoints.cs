using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Domain.Devices;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Records;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>Device inventory and provisioning (device logistics), commune proposals and provincial allocation.</summary>
internal static class DeviceEndpoints
{
    private static readonly Role[] DeviceReaders = [.. Access.CaseReaders, Role.DeviceLogistics];

    public static void MapDeviceEndpoints(this RouteGroupBuilder api)
    {
        var devices = api.MapGroup("/devices").WithTags("Devices");
        devices.MapGet("", ListAsync);
        devices.MapPost("", RegisterAsync);
        devices.MapGet("/{id:guid}", GetAsync);
        devices.MapGet("/{id:guid}/history", HistoryAsync);
        devices.MapPost("/{id:guid}/provision", ProvisionAsync);
        devices.MapPost("/{id:guid}/status", SetStatusAsync);

        var proposals = api.MapGroup("/device-proposals").WithTags("Devices");
        proposals.MapGet("", ListProposalsAsync);
        proposals.MapPost("", ProposeAsync);
        proposals.MapPost("/{id:guid}/allocate", AllocateAsync);
        proposals.MapPost("/{id:guid}/refuse", RefuseAsync);
    }

    /// <summary>The hash kept for a device secret. Secrets are 256-bit random, so a fast hash is safe and keeps CONNECT cheap.</summary>
    /// <summary>A new 256-bit device secret, URL-safe base64.</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static async Task<PageOf<DeviceDto>> ListAsync(VigilDbContext db, Access access, string? status, int? page, int? pageSize,
        CancellationToken ct)
    {
        access.Require(DeviceReaders);
        var units = await UnitsInJurisdictionAsync(db, access, ct);
        var query = db.Devices.AsNoTracking().Where(d => units.Contains(d.HoldingUnitId));
        if (Check.QueryEnum<DeviceStatus>(status, "status") is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        return await query.OrderBy(d => d.DeviceId).ToPageAsync(page, pageSize, DeviceDto.From, ct);
    }

    private static async Task<DeviceDto> GetAsync(Guid id, HttpContext http, VigilDbContext db, Access access, CancellationToken ct)
    {
        access.Require(DeviceReaders);
        var device = await FindAsync(db, access, id, ct);
        http.SetETag(device.Version);
        return DeviceDto.From(device);
    }

    /// <summary>
    /// The device's formal records (attachments, removals, swaps, collections), newest first. A case reader sees whose
    /// record each is for the people of their jurisdiction — audited as a read of each of them; device logistics sees
    /// kinds and times only.
    /// </summary>
    private static async Task<List<DeviceHistoryItem>> HistoryAsync(Guid id, VigilDbContext db, Access access, AuditLog audit, CancellationToken ct)
    {
        access.Require(DeviceReaders);
        var device = await FindAsync(db, access, id, ct);
        var records = await db.Records.AsNoTracking().Where(r => r.DeviceId == device.Id || r.PreviousDeviceId == device.Id).ToListAsync(ct);
        var people = records.Select(r => r.PersonId).Distinct().ToList();
        var visible = Access.CaseReaders.Contains(access.User.Role)
            ? (await access.People(db.People.AsNoTracking()).Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet()
            : [];
        foreach (var person in visible)
        {
            audit.Record("device.history", "device", device.Id, person);
        }

        await audit.SaveAsync(ct);
        return [.. records.OrderByDescending(r => r.OccurredAt).Select(r => new DeviceHistoryItem(r.Kind, r.OccurredAt, r.Position,
            r.DeviceId != device.Id, visible.Contains(r.PersonId) ? r.PersonId : null))];
    }

    private static async Task<IResult> RegisterAsync(RegisterDeviceRequest request, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        access.Require(Role.DeviceLogistics);
        var unitId = request.HoldingUnitId ?? access.User.UnitId!.Value;
        var units = await UnitsInJurisdictionAsync(db, access, ct);
        if (!units.Contains(unitId))
        {
            throw new DomainException("holdingUnitId", "outside-jurisdiction", "The holding unit must be in your jurisdiction.");
        }

        var serial = Check.Text(request.Serial, "serial", 60);
        var deviceId = Check.Text(request.DeviceId ?? $"VG-{serial}", "deviceId", 40);
        if (!deviceId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new DomainException("deviceId", "invalid-device-id", "A device id uses only letters, digits, '-' and '_' (it is part of an MQTT topic).");
        }

        var imei = Check.Text(request.Imei, "imei", 15);
        if (await db.Devices.AnyAsync(d => d.DeviceId == deviceId || d.Serial == serial || d.Imei == imei, ct))
        {
            throw new DomainException("serial", "duplicate", "A device with this id, serial or IMEI is already registered.");
        }

        var device = Device.Register(deviceId, serial, imei, Check.Text(request.Model, "model", 100), Check.Text(request.Firmware, "firmware", 60),
            unitId, clock.GetUtcNow());
        db.Devices.Add(device);
        audit.Record("device.register", "device", device.Id, details: new { device.DeviceId, device.Serial });
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/devices/{device.Id}", DeviceDto.From(device));
    }

    /// <summary>Issues a new secret; it is in this response only. Provisioning again replaces the old secret.</summary>
    private static async Task<ProvisionedDevice> ProvisionAsync(Guid id, VigilDbContext db, Access access, AuditLog audit, TimeProvider clock,
        Ingestion.DeviceCredentials credentials, CancellationToken ct)
    {
        access.Require(Role.DeviceLogistics);
        var device = await FindAsync(db, access, id, ct);
        var secret = NewSecret();
        device.Provision(HashSecret(secret), clock.GetUtcNow());
        audit.Record("device.provision", "device", device.Id, details: new { device.DeviceId });
        await audit.SaveAsync(ct);
        credentials.Forget(device.DeviceId);
        return new ProvisionedDevice(device.Id, device.DeviceId, secret);
    }

    private static async Task<DeviceDto> SetStatusAsync(Guid id, DeviceStatusRequest request, HttpContext http, VigilDbContext db, Access access,
        AuditLog audit, Ingestion.DeviceCredentials credentials, CancellationToken ct)
    {
        access.Require(Role.DeviceLogistics);
        var device = await FindAsync(db, access, id, ct);
        http.RequireVersion(device.Version);
        device.SetStatus(Check.Defined(request.Status ?? throw Check.Missing("status"), "status"));
        audit.Record("device.status", "device", device.Id, details: new { request.Status, request.Note });
        await audit.SaveAsync(ct);
        credentials.Forget(device.DeviceId);
        http.SetETag(device.Version);
        return DeviceDto.From(device);
    }

    private static async Task<PageOf<ProposalDto>> ListProposalsAsync(VigilDbContext db, Access access, int? page, int? pageSize, CancellationToken ct)
    {
        access.Require(Role.CommuneChief, Role.ManagingOfficer, Role.DeviceLogistics, Role.ProvincialSupervisor, Role.NationalSupervisor);
        var j = access.Jurisdiction;
        var query = db.DeviceNeedProposals.AsNoTracking().Where(p => j.Level == UnitLevel.National
            || (j.Level == UnitLevel.Provincial && p.ProvinceCode == j.ProvinceCode) || (j.Level == UnitLevel.Commune && p.CommuneCode == j.CommuneCode));
        return await query.OrderByDescending(p => p.SubmittedAt).ToPageAsync(page, pageSize, ProposalDto.From, ct);
    }

    private static async Task<IResult> ProposeAsync(ProposeRequest request, VigilDbContext db, Access access, AuditLog audit, TimeProvider clock,
        CancellationToken ct)
    {
        access.Require(Role.CommuneChief);
        var j = access.Jurisdiction;
        var caseload = await db.People.CountAsync(p => p.CommuneCode == j.CommuneCode, ct);
        var proposal = DeviceNeedProposal.Submit(access.User.UnitId!.Value, j.ProvinceCode!, j.CommuneCode!, request.Requested, caseload,
            Check.Optional(request.Justification, "justification", 2000), access.User.Id, clock.GetUtcNow());
        db.DeviceNeedProposals.Add(proposal);
        audit.Record("device-proposal.submit", "device-proposal", proposal.Id, details: new { proposal.Requested, caseload });
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/device-proposals/{proposal.Id}", ProposalDto.From(proposal));
    }

    /// <summary>Moves <c>count</c> devices in stock at the province's units to the commune station.</summary>
    private static async Task<ProposalDto> AllocateAsync(Guid id, AllocateRequest request, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var proposal = await FindProposalForProvinceAsync(db, access, id, ct);
        if (request.Count < 0 || request.Count > proposal.Requested)
        {
            throw new DomainException("count", "out-of-range", $"Allocate between 0 and the {proposal.Requested} devices requested.");
        }

        var provincialUnits = await db.Units.Where(u => u.ProvinceCode == proposal.ProvinceCode && u.Level == UnitLevel.Provincial)
            .Select(u => u.Id).ToListAsync(ct);
        var stock = await db.Devices.Where(d => provincialUnits.Contains(d.HoldingUnitId) && d.Status == DeviceStatus.InStock)
            .OrderBy(d => d.DeviceId).Take(request.Count).ToListAsync(ct);
        if (stock.Count < request.Count)
        {
            throw new InvalidTransitionException("count", "not-enough-stock", $"The province has only {stock.Count} devices in stock.");
        }

        stock.ForEach(d => d.MoveTo(proposal.CommuneUnitId));
        proposal.Allocate(request.Count, access.User.Id, clock.GetUtcNow(), Check.Optional(request.Note, "note", 2000));
        audit.Record("device-proposal.allocate", "device-proposal", proposal.Id, details: new { request.Count, devices = stock.Select(d => d.DeviceId) });
        await audit.SaveAsync(ct);
        return ProposalDto.From(proposal);
    }

    private static async Task<ProposalDto> RefuseAsync(Guid id, AllocateRequest request, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var proposal = await FindProposalForProvinceAsync(db, access, id, ct);
        proposal.Refuse(access.User.Id, clock.GetUtcNow(), Check.Text(request.Note, "note", 2000));
        audit.Record("device-proposal.refuse", "device-proposal", proposal.Id);
        await audit.SaveAsync(ct);
        return ProposalDto.From(proposal);
    }

    private static async Task<DeviceNeedProposal> FindProposalForProvinceAsync(VigilDbContext db, Access access, Guid id, CancellationToken ct)
    {
        access.Require(Role.DeviceLogistics, Role.ProvincialSupervisor);
        var j = access.Jurisdiction;
        if (j.Level == UnitLevel.Commune)
        {
            throw Access.Forbidden();
        }

        var proposal = await db.DeviceNeedProposals.SingleOrDefaultAsync(p => p.Id == id, ct);
        return proposal is not null && j.CoversProvince(proposal.ProvinceCode)
            ? proposal
            : throw new NotFoundException("id", "There is no such proposal in your jurisdiction.");
    }

    internal static async Task<Device> FindAsync(VigilDbContext db, Access access, Guid id, CancellationToken ct, string field = "id")
    {
        var units = await UnitsInJurisdictionAsync(db, access, ct);
        var device = await db.Devices.SingleOrDefaultAsync(d => d.Id == id, ct);
        return device is not null && units.Contains(device.HoldingUnitId)
            ? device
            : throw new NotFoundException(field, "There is no such device in your jurisdiction.");
    }

    private static async Task<List<Guid>> UnitsInJurisdictionAsync(VigilDbContext db, Access access, CancellationToken ct)
    {
        var j = access.Jurisdiction;
        return await db.Units.Where(u => j.Level == UnitLevel.National
                || (j.Level == UnitLevel.Provincial && u.ProvinceCode == j.ProvinceCode)
                || (j.Level == UnitLevel.Commune && u.CommuneCode == j.CommuneCode))
            .Select(u => u.Id).ToListAsync(ct);
    }
}

public sealed record RegisterDeviceRequest(string? DeviceId, string Serial, string Imei, string Model, string Firmware, Guid? HoldingUnitId);

public sealed record DeviceStatusRequest(DeviceStatus? Status, string? Note);

/// <summary>The device secret, shown this once; only its hash is kept.</summary>
public sealed record ProvisionedDevice(Guid Id, string DeviceId, string Secret);

public sealed record DeviceDto(Guid Id, string DeviceId, string Serial, string Imei, string Model, string Firmware, DeviceStatus Status,
    Guid HoldingUnitId, bool Provisioned, DateTimeOffset? ProvisionedAt, Guid? AssignedPersonId, long Version)
{
    public static DeviceDto From(Device d) => new(d.Id, d.DeviceId, d.Serial, d.Imei, d.Model, d.Firmware, d.Status, d.HoldingUnitId,
        d.SecretHash is not null, d.ProvisionedAt, d.AssignedPersonId, d.Version);
}

/// <summary>One record of a device: its kind and time, the body position, whether it took this device off (a swap's old
/// device), and whose record it is when the caller may read that person.</summary>
public sealed record DeviceHistoryItem(RecordKind Kind, DateTimeOffset OccurredAt, BodyPosition? Position, bool Replaced, Guid? PersonId);

public sealed record ProposeRequest(int Requested, string? Justification);

public sealed record AllocateRequest(int Count, string? Note);

public sealed record ProposalDto(Guid Id, string ProvinceCode, string CommuneCode, int Requested, int Caseload, string? Justification,
    ProposalStatus Status, int Allocated, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, string? DecisionNote)
{
    public static ProposalDto From(DeviceNeedProposal p) => new(p.Id, p.ProvinceCode, p.CommuneCode, p.Requested, p.Caseload, p.Justification,
        p.Status, p.Allocated, p.SubmittedAt, p.DecidedAt, p.DecisionNote);
}
