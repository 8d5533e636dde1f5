namespace Vigil.Simulator.Model;

/// <summary>How a wearer keeps the band charged (it can be charged while worn).</summary>
public enum ChargingHabit
{
    /// <summary>Plugs in at bedtime every night.</summary>
    Nightly,

    /// <summary>Charges for an hour or so after getting up.</summary>
    Morning,

    /// <summary>Charges only when the band nags (below about 15 %), in the evening at home.</summary>
    WhenLow,
}
