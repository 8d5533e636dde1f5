using System.Runtime.InteropServices;

namespace Vigil.Domain.Gatherings;

/// <summary>
/// One stored fix as the gathering estimate keeps it, in 20 bytes (every active device's trail holds up to
/// <see cref="FixTrail.Capacity"/> of them: P6). Latitude and longitude are whole 1e-7 degrees (about a centimetre; a
/// longitude of ±180° fits an int), so a coordinate of up to seven decimals reads back as the same double; packed to
/// 4 bytes, the struct has no padding after its three 4-byte fields.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct TrailFix
{
    /// <summary>The stated accuracy used when a fix has none (a band that does not say is assumed to be a plain wifi fix).</summary>
    public const float UnstatedAccuracyMeters = 75;

    private const double Step = 1e7;

    private readonly int _lat;
    private readonly int _lon;

    public TrailFix(long measuredAtUtcTicks, double lat, double lon, float accuracyMeters)
    {
        MeasuredAtUtcTicks = measuredAtUtcTicks;
        _lat = checked((int)Math.Round(lat * Step));
        _lon = checked((int)Math.Round(lon * Step));
        AccuracyMeters = accuracyMeters;
    }

    public long MeasuredAtUtcTicks { get; }

    public double Lat => _lat / Step;

    public double Lon => _lon / Step;

    public float AccuracyMeters { get; }

    public DateTimeOffset MeasuredAt => new(MeasuredAtUtcTicks, TimeSpan.Zero);

    public static TrailFix Of(DateTimeOffset measuredAt, double lat, double lon, double? accuracyMeters) =>
        new(measuredAt.UtcTicks, lat, lon, (float)(accuracyMeters ?? UnstatedAccuracyMeters));
}

/// <summary>
/// The last few usable fixes of one device, oldest first, immutable (swapped whole in a concurrent map): at most
/// <see cref="Capacity"/>, none older than the newest by more than the window it is kept for. Coarse fixes (cell)
/// are not kept at all, so a spell of only coarse fixes leaves the last good ones standing until they age out.
/// </summary>
public sealed class FixTrail
{
    /// <summary>Eight minutes of fixes at rest (one a minute), four at moving pace: 100,000 full trails are ~26 MB.</summary>
    public const int Capacity = 8;

    private readonly TrailFix[] _fixes;

    private FixTrail(TrailFix[] fixes) => _fixes = fixes;

    public IReadOnlyList<TrailFix> Fixes => _fixes;

    public TrailFix Newest => _fixes[^1];

    public static FixTrail Of(TrailFix fix) => new([fix]);

    /// <summary>This trail with <paramref name="fix"/> in time order (a late fix slots in; a repeat of a time is ignored), trimmed to <paramref name="keep"/> before the newest.</summary>
    public FixTrail With(TrailFix fix, TimeSpan keep)
    {
        var at = _fixes.Length;
        while (at > 0 && _fixes[at - 1].MeasuredAtUtcTicks > fix.MeasuredAtUtcTicks)
        {
            at--;
        }

        if (at > 0 && _fixes[at - 1].MeasuredAtUtcTicks == fix.MeasuredAtUtcTicks)
        {
            return this;
        }

        var merged = new TrailFix[_fixes.Length + 1];
        Array.Copy(_fixes, merged, at);
        merged[at] = fix;
        Array.Copy(_fixes, at, merged, at + 1, _fixes.Length - at);
        var oldest = merged[^1].MeasuredAtUtcTicks - keep.Ticks;
        var skip = Math.Max(merged.Length - Capacity, 0);
        while (skip < merged.Length - 1 && merged[skip].MeasuredAtUtcTicks < oldest)
        {
            skip++;
        }

        return skip == 0 ? new FixTrail(merged) : new FixTrail(merged[skip..]);
    }
}
