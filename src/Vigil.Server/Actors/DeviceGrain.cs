using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain.Rules;
using Vigil.Server.Alerts;
using Vigil.Server.Data;
using Vigil.Server.Rules;

namespace Vigil.Server.Actors;

/// <summary>
/// The actor of one wristband. Thin: it loads the twin and the case, hands each stored message (in measurement
/// order) or the passing of time to the pure <see cref="RuleEngine"/>, and commits the new twin, its watermark,
/// its next deadline and the alerts in one transaction. Anything stored but not evaluated (a crash between the
/// store's commit and this actor's) is replayed from the store on activation, so nothing is skipped and, with
/// the watermark, nothing is evaluated twice.
/// </summary>
internal sealed class DeviceGrain(DeviceGrainServices services) : Grain, IDeviceGrain
{
    private static readonly JsonSerializerOptions TwinJson = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan CaseCacheFor = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest the stored twin lags the evaluated one when nothing else forces a write (replay covers the gap):
    /// one to two minutes, spread by device so that a fleet activated together does not write together.
    /// </summary>
    private TimeSpan FlushAfter => TimeSpan.FromSeconds(60 + ((uint)StringComparer.Ordinal.GetHashCode(DeviceId) % 60));
    private const int ReplayChunk = 2_000;

    /// <summary>What the store holds for this device (null: no row yet). The twin's JSON is not kept: see <see cref="Stored"/>.</summary>
    private Stored? _row;
    private long _pendingWatermark;
    private bool _forceWrite;
    private DeviceTwin _twin = new();
    private DeviceCase? _case;
    private long _caseGeneration = -1;
    private long _caseLoadedAtUtcTicks;

    private string DeviceId => this.GetPrimaryKeyString();

    /// <summary>The highest telemetry row evaluated (stored or not yet).</summary>
    private long Evaluated => Math.Max(_row?.Watermark ?? 0, _pendingWatermark);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadTwinAsync(cancellationToken);
        await ReplayAsync(cancellationToken);
    }

    public Task DeliverAsync(StoredMessages messages)
    {
        var evaluated = Evaluated;
        var rows = messages.Rows;
        return EvaluateAsync(rows.All(r => r.IngestId > evaluated) ? rows : [.. rows.Where(r => r.IngestId > evaluated)], CancellationToken.None);
    }

    public async Task TickAsync()
    {
        _forceWrite |= _row?.NextDeadlineAt is { } due && due <= services.Clock.GetUtcNow();
        var @case = await CaseAsync(CancellationToken.None);
        var engine = await services.Engines.GetAsync(CancellationToken.None);
        var now = services.Clock.GetUtcNow();
        var result = engine.OnTick(_twin, @case?.Snapshot ?? Unassigned, now);
        await CommitAsync(engine, @case, result, Evaluated, newFix: false, CancellationToken.None);
    }

    public async Task RefreshAsync()
    {
        _caseGeneration = -1;
        await ReplayAsync(CancellationToken.None);
        await TickAsync();
    }

    public Task<long> EvaluatedThroughAsync() => Task.FromResult(Evaluated);

    private static CaseSnapshot Unassigned { get; } = new();

    private async Task LoadTwinAsync(CancellationToken ct)
    {
        await using var scope = services.Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        var row = await db.DeviceTwins.AsNoTracking().SingleOrDefaultAsync(t => t.DeviceId == DeviceId, ct);
        _twin = row is null ? new DeviceTwin() : JsonSerializer.Deserialize<DeviceTwin>(row.State, TwinJson) ?? new DeviceTwin();
        _row = row is null ? null : Stored.Of(row);
        _pendingWatermark = _row?.Watermark ?? 0;
    }

    private async Task ReplayAsync(CancellationToken ct)
    {
        while (true)
        {
            await using var scope = services.Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
            var watermark = Evaluated;
            var rows = await db.Telemetry.AsNoTracking().Where(t => t.DeviceId == DeviceId && t.IngestId > watermark)
                .OrderBy(t => t.IngestId).Take(ReplayChunk).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return;
            }

            await EvaluateAsync(rows.Select(StoredMessage.From).ToList(), ct);
        }
    }

    private async Task EvaluateAsync(IReadOnlyList<StoredMessage> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var @case = await CaseAsync(ct);
        var engine = await services.Engines.GetAsync(ct);
        var result = new RuleResult();
        var fixBefore = _twin.LastFix;
        var (highest, newest) = (0L, DateTimeOffset.MinValue);
        foreach (var row in InMeasurementOrder(rows))
        {
            engine.OnMessage(_twin, row.Read(), @case?.Snapshot ?? Unassigned, row.ReceivedAt, result);
            (highest, newest) = (Math.Max(highest, row.IngestId), row.ReceivedAt > newest ? row.ReceivedAt : newest);
        }

        await CommitAsync(engine, @case, result, highest, newFix: !Equals(fixBefore, _twin.LastFix), ct);
        services.Metrics.Evaluated(System.Diagnostics.Stopwatch.GetElapsedTime(started), services.Clock.GetUtcNow() - newest, result.Signals);
    }

    /// <summary>The rows by measurement time, then seq; most deliveries are one row, or already in order, and are not sorted.</summary>
    private static IEnumerable<StoredMessage> InMeasurementOrder(IReadOnlyList<StoredMessage> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            if ((rows[i].MeasuredAt, rows[i].Seq).CompareTo((rows[i - 1].MeasuredAt, rows[i - 1].Seq)) < 0)
            {
                return rows.OrderBy(r => r.MeasuredAt).ThenBy(r => r.Seq);
            }
        }

        return rows;
    }

    private async Task CommitAsync(RuleEngine engine, DeviceCase? @case, RuleResult result, long watermark, bool newFix, CancellationToken ct)
    {
        var now = services.Clock.GetUtcNow();
        var next = engine.NextDeadline(_twin, @case?.Snapshot ?? Unassigned);
        next = next is { } n && n <= now ? now + RecheckAfter : next;
        _pendingWatermark = Math.Max(_pendingWatermark, watermark);
        if (!MustWrite(result, next, now))
        {
            // Write-behind: nothing was raised and no deadline came closer, so the stored twin may lag for a while;
            // a crash replays the rows above its watermark. The live map still gets the position.
            await services.Live.PublishAsync(@case, DeviceId, newFix ? _twin.LastFix : null, [], ct);
            return;
        }

        var row = new DeviceTwinRow { DeviceId = DeviceId, State = JsonSerializer.Serialize(_twin, TwinJson), Version = _row?.Version ?? 0 };
        await using var scope = services.Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VigilDbContext>();
        if (_row is null)
        {
            db.DeviceTwins.Add(row);
        }
        else
        {
            // Every column is written: the stored version is the concurrency check.
            db.DeviceTwins.Attach(row).State = EntityState.Modified;
        }

        row.PersonId = @case?.PersonId;
        row.Watermark = Math.Max(_row?.Watermark ?? 0, _pendingWatermark);
        row.NextDeadlineAt = next;
        row.LastReceivedAt = _twin.LastReceivedAt;
        row.LastFixAt = _twin.LastFix?.At;
        row.LastLat = _twin.LastFix?.Lat;
        row.LastLon = _twin.LastFix?.Lon;
        row.LastAccuracyMeters = _twin.LastFix?.AccuracyMeters;
        row.BatteryPercent = _twin.BatteryPercent;
        row.UpdatedAt = now;

        IReadOnlyList<Domain.Alerts.Alert> alerts = [];
        try
        {
            if (@case is not null && (result.Signals.Count > 0 || result.Nudges.Count > 0))
            {
                // The alerts, their audit entries and this twin commit in one transaction.
                var book = scope.ServiceProvider.GetRequiredService<AlertBook>();
                alerts = await book.ApplyAsync(db, new AlertSubject(@case.PersonId, @case.ManagingUnitId, DeviceId), result, now, ct);
                LiveUpdates.Enqueue(db, alerts, now);
                var audit = scope.ServiceProvider.GetRequiredService<Audit.AuditLog>();
                await scope.ServiceProvider.GetRequiredService<Health.MedicalAlerts>().EnqueueAsync(db, audit, alerts, now, ct);
                await audit.SaveAsync(ct);
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not committed (the database failed, or another activation on a node presumed dead wrote first): this
            // activation's memory is ahead of the store, so it goes, and the next one replays from what is stored.
            services.Logger.TwinNotCommitted(e, DeviceId);
            DeactivateOnIdle();
            throw;
        }

        _row = Stored.Of(row);
        services.Metrics.TwinWritten();
        db.ChangeTracker.Clear();
        await services.Live.PublishAsync(@case, DeviceId, newFix ? _twin.LastFix : null, alerts, ct);
        await services.Watches.SendAsync(DeviceId, @case?.PersonId, result.Watches, ct); // after the commit: a replay after a crash sends it again
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_row is not { } stored || _pendingWatermark > stored.Watermark)
        {
            _forceWrite = true;
            await TickAsync();
        }
    }

    /// <summary>
    /// The stored row's facts this activation needs later. The row itself is not kept: its twin JSON is only ever
    /// written, never read again by this activation, and held it was a quarter of an active device's memory (P6).
    /// A struct of ticks inside the actor: 40 bytes, where a record of instants was a reference and a 72-byte object.
    /// </summary>
    private readonly record struct Stored(long Watermark, long NextDeadlineUtcTicks, long UpdatedAtUtcTicks, long Version)
    {
        public DateTimeOffset? NextDeadlineAt => Domain.Time.UtcTicks.ToInstant(NextDeadlineUtcTicks);

        public DateTimeOffset UpdatedAt => new(UpdatedAtUtcTicks, TimeSpan.Zero);

        public static Stored Of(DeviceTwinRow row) => new(row.Watermark, Domain.Time.UtcTicks.Of(row.NextDeadlineAt), row.UpdatedAt.UtcTicks, row.Version);
    }

    /// <summary>Writes when something was raised or a watch began or ended, when a deadline came closer than the stored one, or when the stored twin is a minute old.</summary>
    private bool MustWrite(RuleResult result, DateTimeOffset? next, DateTimeOffset now)
    {
        var force = _forceWrite;
        _forceWrite = false;
        return force || _row is not { } row || result.Signals.Count > 0 || result.Nudges.Count > 0 || result.Watches.Count > 0
            || (next is { } n && (row.NextDeadlineAt is not { } stored || n < stored))
            || now - row.UpdatedAt >= FlushAfter;
    }

    private async Task<DeviceCase?> CaseAsync(CancellationToken ct)
    {
        var generation = services.Registry.CaseGeneration;
        if (_caseGeneration == generation && services.Clock.GetUtcNow().UtcTicks - _caseLoadedAtUtcTicks < CaseCacheFor.Ticks)
        {
            return _case;
        }

        await using var scope = services.Scopes.CreateAsyncScope();
        _case = await scope.ServiceProvider.GetRequiredService<CaseSnapshotLoader>().LoadAsync(DeviceId, ct);
        _caseGeneration = generation;
        _caseLoadedAtUtcTicks = services.Clock.GetUtcNow().UtcTicks;
        return _case;
    }
}
