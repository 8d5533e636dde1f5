namespace Vigil.Domain.Alerts;

/// <summary>How an officer closed an alert.</summary>
public enum AlertOutcome
{
    /// <summary>A violation of the decree took place; it is recorded against the person.</summary>
    ConfirmedViolation,

    /// <summary>It happened, with a reason the officer accepts (e.g. an emergency).</summary>
    Excused,

    /// <summary>It did not happen (e.g. GPS drift indoors).</summary>
    FalseAlarm,

    /// <summary>The device misreported; it is to be checked, repaired or swapped.</summary>
    DeviceFault,
}
