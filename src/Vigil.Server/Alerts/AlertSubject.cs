namespace Vigil.Server.Alerts;

/// <summary>
/// Whom a rule result is about: the person, the commune station that manages them now (alerts are routed
/// there), and the device that reported.
/// </summary>
public sealed record AlertSubject(Guid PersonId, Guid UnitId, string DeviceId);
