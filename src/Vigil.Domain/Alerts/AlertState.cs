namespace Vigil.Domain.Alerts;

/// <summary>Where an alert stands: open → acknowledged → resolved.</summary>
public enum AlertState
{
    /// <summary>Raised; no officer has taken it yet (it escalates to the province if it stays so).</summary>
    Open,

    /// <summary>An officer has taken it and is dealing with it.</summary>
    Acknowledged,

    /// <summary>Closed with an outcome; never reopened (a new occurrence opens a new alert).</summary>
    Resolved,
}
