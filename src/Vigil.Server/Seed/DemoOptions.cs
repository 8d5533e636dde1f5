using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Seed;

/// <summary>The demo seed: a province with two communes, officers of every role, people, zones and devices.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo data at start-up (the run command's --demo flag sets this).</summary>
    public bool Enabled { get; set; }

    /// <summary>People (each wearing a device) seeded per commune: 100, so the demo fleet is 200 wearers; up to 150,000 so the load harness can seed P6's 300,000 devices.</summary>
    [Range(1, 150_000)]
    public int PeoplePerCommune { get; set; } = 100;

    /// <summary>
    /// Run the simulated fleet: every seeded wearer's band, driven over MQTT to this server (and some over the HTTPS
    /// upload). The run command's --demo flag sets this; <c>--Demo:Fleet=false</c> after it turns it off.
    /// </summary>
    public bool Fleet { get; set; }

    /// <summary>How many times faster the wearers' days run than the clock (timestamps stay real): 6 makes a day pass in 4 hours.</summary>
    [Range(1, 60)]
    public double FleetSpeed { get; set; } = 6;

    /// <summary>The share of bands that upload over HTTPS instead of MQTT.</summary>
    [Range(0, 1)]
    public double FleetHttpsShare { get; set; } = 0.15;

    /// <summary>Where the demo credentials are written; relative paths are under the data folder.</summary>
    public string CredentialsFile { get; set; } = "demo/credentials.json";
}
