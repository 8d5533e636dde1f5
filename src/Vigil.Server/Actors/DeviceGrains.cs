namespace Vigil.Server.Actors;

/// <summary>
/// References to the device actors by connection id. Orleans' <c>GetGrain&lt;IDeviceGrain&gt;(key)</c> resolves the
/// interface's grain type from its attributes on every call — 4 % of the server's CPU at saturation, once per
/// delivery — so the two types are resolved once here and each reference is made from them.
/// </summary>
internal sealed class DeviceGrains(IGrainFactory grains)
{
    private (GrainType Type, GrainInterfaceType Interface)? _types;

    public IDeviceGrain this[string deviceId]
    {
        get
        {
            _types ??= Resolve();
            var (type, @interface) = _types.Value;
            return (IDeviceGrain)grains.GetGrain(GrainId.Create(type, deviceId), @interface);
        }
    }

    private (GrainType, GrainInterfaceType) Resolve()
    {
        var probe = (GrainReference)grains.GetGrain<IDeviceGrain>("probe");
        return (probe.GrainId.Type, probe.InterfaceType);
    }
}
