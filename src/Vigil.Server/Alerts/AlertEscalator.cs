using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain.Alerts;
using Vigil.Domain.Identity;
using Vigil.Domain.Jurisdictions;
using Vigil.Domain.Notifications;
using Vigil.Domain.Time;
using Vigil.Server.Audit;
using Vigil.Server.Data;

namespace Vigil.Server.Alerts;

/// <summary>
/// Escalates to the province every alert left unacknowledged for <see cref="AlertOptions.EscalateAfter"/>: it is
/// stamped escalated, audited, and the province's supervisors get an inbox notice. Runs on the injected clock
/// every <see cref="AlertOptions.CheckEvery"/>; <see cref="EscalateDueAsync"/> is one pass.
/// </summary>
public sealed class AlertEscalator(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AlertOptions> options, ILogger<AlertEscalator> logger)
    : BackgroundService
{
    /// <summary>The most alerts one pass escalates; the rest wait for the next tick.</summary>
    private const int MaxPerPass = 500;

    /// <summary>Raised after every periodic pass with the pass's time and how many alerts it escalated.</summary>
    public event Action<DateTimeOffset, int>? PassCompleted;

    /// <summary>Escalates every alert due at <paramref name="now"/>, each in its own transaction; returns how many.</summary>
    public async Task<int> EscalateDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var after = options.Value.EscalateAfter;
        var cutoff = now - after;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            due = await db.Alerts.AsNoTracking()
                .Where(a => a.State == AlertState.Open && a.EscalatedAt == null && a.RaisedAt <= cutoff)
                .OrderBy(a => a.RaisedAt).Select(a => a.Id).Take(MaxPerPass).ToListAsync(ct);
        }

        var escalated = 0;
        foreach (var id in due)
        {
            try
            {
                if (await EscalateOneAsync(id, now, after, ct))
                {
                    escalated++;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // An officer acknowledged it (or another node escalated it) meanwhile: nothing to do.
                logger.EscalationSkipped(id);
            }
        }

        return escalated;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = clock.GetUtcNow();
                var count = 0;
                try
                {
                    count = await EscalateDueAsync(now, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One failed pass (database briefly unreachable) must not stop escalation for good.
                    logger.EscalationFailed(e);
                }

                PassCompleted?.Invoke(now, count);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task<bool> EscalateOneAsync(Guid id, DateTimeOffset now, TimeSpan after, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var alert = await db.Alerts.SingleAsync(a => a.Id == id, ct);
        if (!alert.IsDueForEscalation(now, after))
        {
            return false;
        }

        alert.Escalate(now, by: null);
        var recipients = await NotifyProvinceAsync(db, alert, after, now, ct);
        audit.Record("alert.escalate", "alert", alert.Id, alert.PersonId,
            new { automatic = true, unacknowledgedFor = now - alert.RaisedAt, alert.ProvinceCode, notified = recipients });
        Actors.LiveUpdates.Enqueue(db, [alert], now, "escalated");
        await audit.SaveAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Live.LiveFeed>().PublishAlertAsync(Actors.LiveUpdates.ToLive(alert), ct);
        logger.AlertEscalated(alert.Id, alert.Rule.ToString(), alert.ProvinceCode);
        return true;
    }

    /// <summary>An inbox notice to each active supervisor of the alert's province; returns how many.</summary>
    internal static async Task<int> NotifyProvinceAsync(VigilDbContext db, Alert alert, TimeSpan? unacknowledgedFor, DateTimeOffset now,
        CancellationToken ct)
    {
        var province = alert.ProvinceCode;
        var supervisors = await db.Users.AsNoTracking()
            .Where(u => !u.Disabled && u.Role == Role.ProvincialSupervisor
                && db.Units.Any(unit => unit.Id == u.UnitId && unit.Level == UnitLevel.Provincial && unit.ProvinceCode == province))
            .Select(u => u.Id).ToListAsync(ct);
        var (ruleVi, ruleEn) = AlertText.RuleName(alert.Rule);
        var since = VietnamTime.ToLocal(alert.RaisedAt);
        var (whyVi, whyEn) = unacknowledgedFor is { } wait
            ? ($"chưa được tiếp nhận sau {wait.TotalMinutes:0} phút", $"was not acknowledged within {wait.TotalMinutes:0} minutes")
            : ("được cán bộ xã chuyển lên", "was escalated by the commune");
        foreach (var supervisor in supervisors)
        {
            db.Notifications.Add(new Notification
            {
                RecipientUserId = supervisor,
                PersonId = alert.PersonId,
                Kind = "alert-escalated",
                TitleVi = $"Cảnh báo chuyển lên cấp tỉnh: {ruleVi}",
                TitleEn = $"Alert escalated to the province: {ruleEn}",
                BodyVi = $"Cảnh báo {alert.Id} (xã {alert.CommuneCode}, lúc {since:HH:mm dd/MM/yyyy}) {whyVi}.",
                BodyEn = $"Alert {alert.Id} (commune {alert.CommuneCode}, raised {since:yyyy-MM-dd HH:mm} Vietnam time) {whyEn}.",
                CreatedAt = now,
            });
        }

        return supervisors.Count;
    }
}
