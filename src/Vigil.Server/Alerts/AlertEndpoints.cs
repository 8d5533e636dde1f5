using Microsoft.EntityFrameworkCore;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Records;
using Vigil.Domain.Rules;
using Vigil.Server.Api;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Security;

namespace Vigil.Server.Alerts;

/// <summary>
/// The officers' alert queue: read within the jurisdiction (the commune the alert was routed to, its province,
/// the nation); acknowledged and annotated by the commune's case workers and the supervisors above them;
/// resolved and escalated by the commune. Every read of an alert and every change is audited.
/// </summary>
internal static class AlertEndpoints
{
    /// <summary>Who may take an alert and write notes on it: the commune's case workers and the supervisors above them.</summary>
    private static readonly Role[] Responders = [.. Access.CaseWorkers, Role.ProvincialSupervisor, Role.NationalSupervisor];

    public static void MapAlertEndpoints(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("", ListAsync);
        alerts.MapGet("/counts", CountsAsync);
        alerts.MapGet("/{id:guid}", GetAsync);
        alerts.MapPost("/{id:guid}/acknowledge", AcknowledgeAsync);
        alerts.MapPost("/{id:guid}/resolve", ResolveAsync);
        alerts.MapPost("/{id:guid}/escalate", EscalateAsync);
        alerts.MapPost("/{id:guid}/notes", AddNoteAsync);
    }

    /// <summary>The queue, most severe first and then oldest first; unresolved alerts unless a state is asked for.</summary>
    private static async Task<PageOf<AlertSummaryDto>> ListAsync(VigilDbContext db, Access access, AuditLog audit, string? state, string? rule,
        string? severity, Guid? personId, DateTimeOffset? from, DateTimeOffset? to, bool? escalated, int? page, int? pageSize, CancellationToken ct)
    {
        var query = Filter(InJurisdiction(db.Alerts.AsNoTracking(), access), rule, severity, personId, from, to, escalated);
        query = Check.QueryEnum<AlertState>(state, "state") is { } s
            ? query.Where(a => a.State == s)
            : query.Where(a => a.State != AlertState.Resolved);
        var result = await query
            .OrderBy(a => a.Severity == AlertSeverity.Critical ? 0 : a.Severity == AlertSeverity.High ? 1 : 2)
            .ThenBy(a => a.RaisedAt).ThenBy(a => a.Id)
            .ToPageAsync(page, pageSize, AlertSummaryDto.From, ct);
        audit.Record("alert.list", "alert", null, details: new { result.Page, result.PageSize, ids = result.Items.Select(i => i.Id) });
        await audit.SaveAsync(ct);
        return result;
    }

    /// <summary>How many alerts of the jurisdiction are in each state (same filters as the list, but no state).</summary>
    private static async Task<AlertCounts> CountsAsync(VigilDbContext db, Access access, string? rule, string? severity, Guid? personId,
        DateTimeOffset? from, DateTimeOffset? to, bool? escalated, CancellationToken ct)
    {
        var query = Filter(InJurisdiction(db.Alerts.AsNoTracking(), access), rule, severity, personId, from, to, escalated);
        var byState = await query.GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var escalatedUnresolved = await query.CountAsync(a => a.State != AlertState.Resolved && a.EscalatedAt != null, ct);
        int Of(AlertState s) => byState.SingleOrDefault(x => x.Key == s)?.Count ?? 0;
        return new AlertCounts(Of(AlertState.Open), Of(AlertState.Acknowledged), Of(AlertState.Resolved), escalatedUnresolved);
    }

    private static async Task<AlertDto> GetAsync(Guid id, HttpContext http, VigilDbContext db, Access access, AuditLog audit, CancellationToken ct)
    {
        var alert = await FindAsync(db, id, ct);
        EnsureCan(access, alert, Access.CaseReaders);
        audit.Record("alert.read", "alert", alert.Id, alert.PersonId);
        return await SaveAsync(http, db, audit, alert, ct);
    }

    private static async Task<AlertDto> AcknowledgeAsync(Guid id, AlertActionRequest? body, HttpContext http, VigilDbContext db, Access access,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var alert = await FindAsync(db, id, ct);
        EnsureCan(access, alert, Responders);
        http.RequireVersion(alert.Version);
        var now = clock.GetUtcNow();
        var note = Check.Optional(body?.Note, "note", AlertNote.MaxLength);
        alert.Acknowledge(access.User.Id, now);
        AddNote(db, alert, access, now, note);
        audit.Record("alert.acknowledge", "alert", alert.Id, alert.PersonId);
        return await SaveAsync(http, db, audit, alert, ct, "acknowledged");
    }

    /// <summary>Closes the alert; a confirmed violation is recorded against the person, with a warning when asked.</summary>
    private static async Task<AlertDto> ResolveAsync(Guid id, ResolveAlertRequest body, HttpContext http, VigilDbContext db, Access access,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var alert = await FindAsync(db, id, ct);
        EnsureCan(access, alert, Access.CaseWorkers);
        http.RequireVersion(alert.Version);
        var outcome = Check.Defined(body.Outcome ?? throw Check.Missing("outcome"), "outcome");
        var note = Check.Text(body.Note, "note", Alert.MaxTextLength);
        var now = clock.GetUtcNow();
        alert.Resolve(access.User.Id, now, outcome, note, body.IssueWarning);
        if (outcome == AlertOutcome.ConfirmedViolation)
        {
            await RecordViolationAsync(db, audit, alert, access.User.Id, now, note, body.IssueWarning, ct);
        }

        audit.Record("alert.resolve", "alert", alert.Id, alert.PersonId,
            new { outcome = outcome.ToString(), violationRecord = alert.ViolationRecordId, warningRecord = alert.WarningRecordId });
        return await SaveAsync(http, db, audit, alert, ct, "resolved");
    }

    /// <summary>The commune sends the alert up to the province at once (the escalator does it after the configured wait).</summary>
    private static async Task<AlertDto> EscalateAsync(Guid id, AlertActionRequest? body, HttpContext http, VigilDbContext db, Access access,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var alert = await FindAsync(db, id, ct);
        EnsureCan(access, alert, Access.CaseWorkers);
        http.RequireVersion(alert.Version);
        var now = clock.GetUtcNow();
        var note = Check.Optional(body?.Note, "note", AlertNote.MaxLength);
        alert.Escalate(now, access.User.Id);
        AddNote(db, alert, access, now, note);
        var notified = await AlertEscalator.NotifyProvinceAsync(db, alert, null, now, ct);
        audit.Record("alert.escalate", "alert", alert.Id, alert.PersonId, new { automatic = false, alert.ProvinceCode, notified });
        return await SaveAsync(http, db, audit, alert, ct, "escalated");
    }

    private static async Task<IResult> AddNoteAsync(Guid id, AlertNoteRequest body, VigilDbContext db, Access access, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        var alert = await FindAsync(db, id, ct);
        EnsureCan(access, alert, Responders);
        var note = AlertNote.Write(alert.Id, access.User.Id, clock.GetUtcNow(), Check.Text(body.Text, "text", AlertNote.MaxLength));
        db.AlertNotes.Add(note);
        audit.Record("alert.note", "alert", alert.Id, alert.PersonId, new { note = note.Id });
        await audit.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/alerts/{alert.Id}", AlertNoteDto.From(note));
    }

    private static async Task RecordViolationAsync(VigilDbContext db, AuditLog audit, Alert alert, Guid officer, DateTimeOffset now, string note,
        bool issueWarning, CancellationToken ct)
    {
        var device = alert.DeviceId is { } deviceId
            ? await db.Devices.Where(d => d.DeviceId == deviceId).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct)
            : null;
        var what = AlertText.ViolationVi(alert.Rule);
        var violation = new FormalRecord
        {
            PersonId = alert.PersonId,
            Kind = RecordKind.Violation,
            OccurredAt = alert.ConditionSince,
            RecordedAt = now,
            OfficerId = officer,
            DeviceId = device,
            Reason = $"{what} (cảnh báo {alert.Id})",
            Notes = note,
        };
        db.Records.Add(violation);
        audit.Record("record.violation", "record", violation.Id, alert.PersonId, new { alert = alert.Id, alert.ViolationNumber });
        FormalRecord? warning = null;
        if (issueWarning)
        {
            warning = new FormalRecord
            {
                PersonId = alert.PersonId,
                Kind = RecordKind.Warning,
                OccurredAt = now,
                RecordedAt = now,
                OfficerId = officer,
                Reason = $"Cảnh cáo vì {char.ToLowerInvariant(what[0])}{what[1..]}",
                Notes = note,
            };
            db.Records.Add(warning);
            audit.Record("record.warning", "record", warning.Id, alert.PersonId, new { alert = alert.Id, violation = violation.Id });
        }

        alert.LinkRecords(violation.Id, warning?.Id);
    }

    private static void AddNote(VigilDbContext db, Alert alert, Access access, DateTimeOffset now, string? text)
    {
        if (text is not null)
        {
            db.AlertNotes.Add(AlertNote.Write(alert.Id, access.User.Id, now, text));
        }
    }

    /// <summary>
    /// Saves with the queued audit entries, then answers the alert with its notes and its version as the ETag. A change
    /// (<paramref name="what"/>) also goes to the webhook outbox in the same transaction and to the live feed after it.
    /// </summary>
    private static async Task<AlertDto> SaveAsync(HttpContext http, VigilDbContext db, AuditLog audit, Alert alert, CancellationToken ct,
        string? what = null)
    {
        if (what is not null)
        {
            Actors.LiveUpdates.Enqueue(db, [alert], http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), what);
        }

        await audit.SaveAsync(ct);
        if (what is not null)
        {
            await http.RequestServices.GetRequiredService<Live.LiveFeed>().PublishAlertAsync(Actors.LiveUpdates.ToLive(alert), ct);
        }

        var notes = await db.AlertNotes.AsNoTracking().Where(n => n.AlertId == alert.Id).ToListAsync(ct);
        http.SetETag(alert.Version);
        return AlertDto.From(alert, [.. notes.OrderBy(n => n.At).ThenBy(n => n.Id)]);
    }

    private static IQueryable<Alert> InJurisdiction(IQueryable<Alert> alerts, Access access)
    {
        access.Require(Access.CaseReaders);
        var j = access.Jurisdiction;
        return j.Level switch
        {
            UnitLevel.National => alerts,
            UnitLevel.Provincial => alerts.Where(a => a.ProvinceCode == j.ProvinceCode),
            _ => alerts.Where(a => a.CommuneCode == j.CommuneCode),
        };
    }

    private static IQueryable<Alert> Filter(IQueryable<Alert> query, string? rule, string? severity, Guid? personId, DateTimeOffset? from,
        DateTimeOffset? to, bool? escalated)
    {
        if (from is { } f && to is { } t && t < f)
        {
            throw new DomainException("to", "before-from", "'to' must not be before 'from'.");
        }

        if (Check.QueryEnum<RuleKind>(rule, "rule") is { } r)
        {
            query = query.Where(a => a.Rule == r);
        }

        if (Check.QueryEnum<AlertSeverity>(severity, "severity") is { } s)
        {
            query = query.Where(a => a.Severity == s);
        }

        if (personId is { } p)
        {
            query = query.Where(a => a.PersonId == p);
        }

        if (from is { } since)
        {
            var utc = since.ToUniversalTime();
            query = query.Where(a => a.RaisedAt >= utc);
        }

        if (to is { } until)
        {
            var utc = until.ToUniversalTime();
            query = query.Where(a => a.RaisedAt < utc);
        }

        return escalated switch
        {
            true => query.Where(a => a.EscalatedAt != null),
            false => query.Where(a => a.EscalatedAt == null),
            null => query,
        };
    }

    private static void EnsureCan(Access access, Alert alert, Role[] roles)
    {
        access.Require(roles);
        if (!access.Covers(alert.ProvinceCode, alert.CommuneCode))
        {
            throw new NotFoundException("id", "No such alert in your jurisdiction.");
        }
    }

    private static async Task<Alert> FindAsync(VigilDbContext db, Guid id, CancellationToken ct) =>
        await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("id", "There is no such alert.");
}
