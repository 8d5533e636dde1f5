using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigil.Domain.Alerts;
using Vigil.Domain.Rules;
using Vigil.Server.Audit;
using Vigil.Server.Data;
using Vigil.Server.Outbound;

namespace Vigil.Server.Health;

/// <summary>
/// Tells the medical responders of a possible overdose the moment its alert opens: one outbox message per responder
/// (kind <c>medical.possible-overdose</c>), committed with the alert, delivered ahead of every other webhook. Unlike the
/// police webhook it names the person and carries the last known position and the readings — a responder cannot help
/// someone they cannot find — so each message is audited as personal data leaving the system.
/// </summary>
public sealed class MedicalAlerts(IOptions<MedicalResponderOptions> options)
{
    public const string Kind = "medical.possible-overdose";

    /// <summary>Adds the messages for the possible-overdose alerts raised in this commit (none when no responder is configured).</summary>
    public async Task EnqueueAsync(VigilDbContext db, AuditLog audit, IReadOnlyList<Alert> alerts, DateTimeOffset now, CancellationToken ct)
    {
        var responders = options.Value.MedicalResponders;
        var raised = alerts.Where(a => a.Rule == RuleKind.PossibleOverdose && a.RaisedAt == now.ToUniversalTime()).ToList();
        if (responders.Count == 0 || raised.Count == 0)
        {
            return;
        }

        foreach (var alert in raised)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == alert.PersonId)
                .Select(p => new { p.FullName, p.DateOfBirth, p.Phone, p.ResidenceAddress, p.CommuneCode }).SingleAsync(ct);
            var station = await db.Units.AsNoTracking().Where(u => u.Id == alert.UnitId).Select(u => u.Name).SingleAsync(ct);
            var position = alert.Evidence.LastOrDefault(e => e.Lat is not null && e.Lon is not null);
            var payload = new
            {
                alertId = alert.Id,
                personId = alert.PersonId,
                person.FullName,
                person.DateOfBirth,
                person.Phone,
                person.ResidenceAddress,
                person.CommuneCode,
                policeStation = station,
                alert.DeviceId,
                conditionSince = alert.ConditionSince,
                raisedAt = alert.RaisedAt,
                criteria = alert.Detail,
                lastKnownPosition = position is null ? null : new { lat = position.Lat, lon = position.Lon, position.AccuracyMeters, at = position.At },
                readings = alert.Evidence.Select(e => new { e.At, e.Reading }),
            };
            foreach (var responder in responders)
            {
                Outbox.Enqueue(db, Kind, payload, now, responder.Name);
            }

            audit.Record("medical.notify", "alert", alert.Id, alert.PersonId,
                new { responders = responders.Select(r => r.Name), lastKnownPositionAt = position?.At });
        }
    }
}
