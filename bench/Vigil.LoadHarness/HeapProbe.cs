using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Vigil.LoadHarness;

/// <summary>
/// The managed heap of another .NET process after a full, blocking garbage collection — what is really held, unlike
/// the resident set, which keeps pages the GC has freed. Opens an EventPipe session with the runtime's GCHeapCollect
/// keyword (the way heap-snapshot tools make the target collect) and reads that induced GC's heap statistics and,
/// with the heap-dump keywords, every live object's type and size.
/// </summary>
internal static class HeapProbe
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";

    /// <summary>The live heap's total bytes, and its objects by type name (count, bytes).</summary>
    public sealed record Snapshot(long TotalBytes, IReadOnlyDictionary<string, (long Count, long Bytes)> ByType);

    public static async Task<Snapshot> TakeAsync(int pid, TimeSpan timeout)
    {
        var client = new DiagnosticsClient(pid);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider(RuntimeProvider, EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GCHeapSnapshot)],
            requestRundown: false, circularBufferMB: 512, CancellationToken.None);
        using var source = new EventPipeEventSource(session.EventStream);
        var induced = false;
        var typeNames = new Dictionary<ulong, string>();
        var byTypeId = new Dictionary<ulong, (long Count, long Bytes)>();
        var total = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Clr.GCStart += e => induced |= e.Reason == GCReason.Induced && e.Depth == 2;
        source.Clr.TypeBulkType += e =>
        {
            for (var i = 0; i < e.Count; i++)
            {
                var type = e.Values(i);
                typeNames[type.TypeID] = type.TypeName;
            }
        };
        source.Clr.GCBulkNode += e =>
        {
            for (var i = 0; i < e.Count; i++)
            {
                var node = e.Values(i);
                var (count, bytes) = byTypeId.GetValueOrDefault(node.TypeID);
                byTypeId[node.TypeID] = (count + 1, bytes + (long)node.Size);
            }
        };
        source.Clr.GCHeapStats += e =>
        {
            if (induced)
            {
                total.TrySetResult(e.TotalHeapSize);
            }
        };
        var reading = Task.Run(source.Process);
        long heap;
        try
        {
            heap = await total.Task.WaitAsync(timeout);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await reading;
        }

        var byType = new Dictionary<string, (long Count, long Bytes)>();
        foreach (var (id, value) in byTypeId)
        {
            var name = typeNames.GetValueOrDefault(id, $"type {id:x}");
            var (count, bytes) = byType.GetValueOrDefault(name);
            byType[name] = (count + value.Count, bytes + value.Bytes);
        }

        return new Snapshot(heap, byType);
    }
}
