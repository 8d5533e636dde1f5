using System.ComponentModel.DataAnnotations;

namespace Vigil.Server.Seed;

/// <summary>The demo seed: a province with two communes, officers of every role, people, zones and devices.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo data at start-up (the run command's --demo flag sets this).</summary>
    public bool Enabled { get; set; }

    /// <summary>People (each wearing a device) seeded per commune; up to 20,000 so the load harness can seed a large fleet.</summary>
    [Range(1, 20_000)]
    public int PeoplePerCommune { get; set; } = 10;

    /// <summary>Where the demo credentials are written; relative paths are under the data folder.</summary>
    public string CredentialsFile { get; set; } = "demo/credentials.json";
}
