namespace Vigil.Server.Live;

/// <summary>The live feed's settings.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>At most one position per person is pushed in this many seconds; the newest one held back is pushed when the window ends. 0: every position.</summary>
    public int PositionThrottleSeconds { get; set; } = 5;
}
