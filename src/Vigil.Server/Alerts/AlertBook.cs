using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain.Alerts;
using Vigil.Domain.Decisions;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Rules;
using Vigil.Domain.Time;
using Vigil.Server.Audit;
using Vigil.Server.Data;

namespace Vigil.Server.Alerts;

/// <summary>
/// Where the rules' decisions become durable: a raised signal opens an alert (one per ongoing condition), an
/// ended signal stamps the end on it, and a wearer nudge lands in the wearer's inbox (and, for a minor, the
/// guardians'). It only adds and changes rows in the caller's context and queues audit entries: the caller
/// commits everything together with <see cref="AuditLog.SaveAsync"/> of the same scope.
/// </summary>
public sealed class AlertBook(VigilDbContext scopeDb, AuditLog audit, IOptions<DecisionOptions> decisions)
{
    /// <summary>
    /// Applies one evaluation of the rules for <paramref name="subject"/> and returns the alerts it added or changed.
    /// Idempotent for raises: while an alert of the person's condition key is unresolved and its condition has not
    /// ended, the same raise opens nothing new. Does not save: commit with <see cref="AuditLog.SaveAsync"/>, which
    /// writes these rows, the caller's own and the audit entries in one transaction.
    /// </summary>
    /// <param name="db">The scope's context (the one <see cref="AuditLog"/> saves); another instance is refused.</param>
    public async Task<IReadOnlyList<Alert>> ApplyAsync(VigilDbContext db, AlertSubject subject, RuleResult result, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(result);
        if (!ReferenceEquals(db, scopeDb))
        {
            // The audit entries are queued on the scope's AuditLog, which saves only its own context.
            throw new ArgumentException("Pass the scope's VigilDbContext: AuditLog.SaveAsync commits the alerts with their audit entries.", nameof(db));
        }

        var changed = new List<Alert>();
        Unit? station = null;
        foreach (var signal in result.Signals)
        {
            Alert? alert;
            if (signal.Kind == SignalKind.Raised)
            {
                station ??= await StationAsync(db, subject.UnitId, ct);
                alert = await RaiseAsync(db, subject, station, signal, now, ct);
            }
            else
            {
                alert = await EndAsync(db, subject, signal, ct);
            }

            if (alert is not null && !changed.Contains(alert))
            {
                changed.Add(alert);
            }
        }

        if (result.Nudges.Count > 0)
        {
            await NudgeAsync(db, subject, result.Nudges, now, ct);
        }

        return changed;
    }

    /// <summary>The subject for a person as the registry has them now: their commune's station and the given device.</summary>
    public static async Task<AlertSubject> SubjectOfAsync(VigilDbContext db, Guid personId, string deviceId, CancellationToken ct)
    {
        var communeCode = await db.People.Where(p => p.Id == personId).Select(p => p.CommuneCode).SingleAsync(ct);
        var station = await db.Units.Where(u => u.Level == UnitLevel.Commune && u.CommuneCode == communeCode).OrderBy(u => u.Id)
            .Select(u => u.Id).FirstOrDefaultAsync(ct);
        return station == Guid.Empty
            ? throw new InvalidOperationException($"Commune {communeCode} has no police station unit to route alerts to.")
            : new AlertSubject(personId, station, deviceId);
    }

    private async Task<Alert?> RaiseAsync(VigilDbContext db, AlertSubject subject, Unit station, RuleSignal signal, DateTimeOffset now,
        CancellationToken ct)
    {
        var ongoing = await CandidatesAsync(db, subject.PersonId, signal.Key, ct);
        if (ongoing.Any(a => a.IsOngoing))
        {
            return null;
        }

        var alert = Alert.Raise(subject.PersonId, subject.DeviceId, station, signal, now);
        db.Alerts.Add(alert);
        audit.Record("alert.raise", "alert", alert.Id, alert.PersonId,
            new { rule = alert.Rule.ToString(), alert.Key, severity = alert.Severity.ToString(), alert.DeviceId, alert.ConditionSince, evidence = alert.Evidence.Count });
        return alert;
    }

    private async Task<Alert?> EndAsync(VigilDbContext db, AlertSubject subject, RuleSignal signal, CancellationToken ct)
    {
        var candidates = await CandidatesAsync(db, subject.PersonId, signal.Key, ct);
        var alert = candidates.Where(a => a.ConditionEndedAt is null).OrderByDescending(a => a.RaisedAt).FirstOrDefault();
        if (alert is null || !alert.EndCondition(signal.At, signal.Detail))
        {
            return null;
        }

        audit.Record("alert.condition-end", "alert", alert.Id, alert.PersonId, new { alert.Key, alert.ConditionEndedAt, alert.EndDetail });
        return alert;
    }

    /// <summary>The person's alerts of this key whose condition had not ended, saved or added earlier in this batch.</summary>
    private static async Task<List<Alert>> CandidatesAsync(VigilDbContext db, Guid personId, string key, CancellationToken ct)
    {
        var saved = await db.Alerts.Where(a => a.PersonId == personId && a.Key == key && a.ConditionEndedAt == null).ToListAsync(ct);
        var added = db.ChangeTracker.Entries<Alert>()
            .Where(e => e.State == EntityState.Added && e.Entity.PersonId == personId && e.Entity.Key == key)
            .Select(e => e.Entity);
        return [.. saved.Union(added)];
    }

    private static async Task<Unit> StationAsync(VigilDbContext db, Guid unitId, CancellationToken ct) =>
        await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct)
        ?? throw new InvalidOperationException($"There is no unit {unitId} to route the alert to.");

    /// <summary>Battery nudges to the wearer's own account and, for a minor, to each guardian's.</summary>
    private async Task NudgeAsync(VigilDbContext db, AlertSubject subject, IReadOnlyList<WearerNudge> nudges, DateTimeOffset now,
        CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == subject.PersonId, ct);
        var minor = person.AgeOn(VietnamTime.LocalDate(now)) < decisions.Value.AdultAge;
        var id = subject.PersonId;
        var recipients = await db.Users.AsNoTracking()
            .Where(u => !u.Disabled && ((u.Role == Role.Wearer && u.PersonId == id)
                || (minor && u.Role == Role.Guardian
                    && (u.WardPersonId == id || db.Guardians.Any(g => g.PersonId == id && g.UserId == u.Id)))))
            .Select(u => new { u.Id, u.Role }).ToListAsync(ct);
        foreach (var nudge in nudges)
        {
            foreach (var recipient in recipients)
            {
                db.Notifications.Add(NudgeText.For(nudge, recipient.Id, id, recipient.Role == Role.Guardian ? person.FullName : null, now));
            }

            audit.Record("wearer.nudge", "person", id, id,
                new { kind = nudge.Kind.ToString(), nudge.BatteryPercent, nudge.At, recipients = recipients.Select(r => r.Id) });
        }
    }
}
