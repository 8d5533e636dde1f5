using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Actors;

/// <summary>The actor silo and its deadline sweep ("Actors" section).</summary>
public sealed class ActorOptions
{
    public const string Section = "Actors";

    /// <summary>The silo-to-silo port (localhost clustering by default).</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>How often due deadlines are swept.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);
}
