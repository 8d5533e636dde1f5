using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Ingestion;

/// <summary>
/// The queues between the transports and the store, one per writer lane (<see cref="ITelemetryWriter.Lanes"/>). A
/// device always uses the same lane, so its uploads are stored, and reach its actor, in the order they came, while
/// other lanes commit beside it. Bounded: when the writers fall behind, <see cref="StoreAsync"/> waits to enqueue, so
/// MQTT acknowledgements and HTTP responses slow down and nothing is dropped or grows without bound.
/// </summary>
public sealed class TelemetryPipeline
{
    private readonly Channel<PendingUpload>[] _lanes;

    public TelemetryPipeline(IOptions<IngestionOptions> options, ITelemetryWriter writer, IngestionMetrics metrics)
    {
        var capacity = Math.Max(1, options.Value.QueueCapacity / writer.Lanes);
        _lanes = [.. Enumerable.Range(0, writer.Lanes).Select(_ => Channel.CreateBounded<PendingUpload>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        }))];
        metrics.QueueDepth = () => _lanes.Sum(lane => lane.Reader.Count);
    }

    internal IEnumerable<ChannelReader<PendingUpload>> Lanes => _lanes.Select(lane => lane.Reader);

    /// <summary>Stores the rows of one upload (one device); completes once they are committed, with how many were new.</summary>
    public async Task<int> StoreAsync(IReadOnlyList<TelemetryRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var pending = new PendingUpload(rows, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        await LaneOf(rows[0].DeviceId).WriteAsync(pending, ct);
        return await pending.Stored.Task.WaitAsync(ct);
    }

    private ChannelWriter<PendingUpload> LaneOf(string deviceId) =>
        _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(deviceId) % (uint)_lanes.Length)].Writer;
}

/// <summary>One upload waiting for the writer, and the promise its sender awaits.</summary>
internal sealed record PendingUpload(IReadOnlyList<TelemetryRow> Rows, TaskCompletionSource<int> Stored);
