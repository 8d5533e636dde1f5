namespace Vigil.Server.Actors;

/// <summary>
/// References to the device actors by connection id. Orleans' <c>GetGrain&lt;IDeviceGrain&gt;(key)</c> resolves the
/// interface's grain type from its attributes on every call — 4 % of the server's CPU at saturation, once per
/// delivery — so the two types are resolved once here and each reference is made from them.
/// </summary>
internal sealed class DeviceGrains(IGrainFactory grains)
{
    // A reference, so that a thread never sees one type written and the other not; resolving twice is harmless.
    private Types? _types;

    public IDeviceGrain this[string deviceId]
    {
        get
        {
            var types = _types ??= Resolve();
            return (IDeviceGrain)grains.GetGrain(GrainId.Create(types.Grain, deviceId), types.Interface);
        }
    }

    private Types Resolve()
    {
        var probe = (GrainReference)grains.GetGrain<IDeviceGrain>("probe");
        return new Types(probe.GrainId.Type, probe.InterfaceType);
    }

    private sealed record Types(GrainType Grain, GrainInterfaceType Interface);
}
