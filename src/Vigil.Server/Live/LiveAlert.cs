namespace Vigil.Server.Live;

/// <summary>
/// An alert raised or changed, pushed like <see cref="LivePosition"/> to the managing commune's unit, its
/// province and the nation; never held back. Client method <c>alert</c>. <see cref="Rule"/>, <see cref="Severity"/>
/// and <see cref="State"/> are named as the REST API names them (<see cref="Api.ApiNames"/>: "tamper", "critical", "open").
/// </summary>
public sealed record LiveAlert(
    Guid AlertId,
    Guid PersonId,
    Guid UnitId,
    string ProvinceCode,
    string Rule,
    string Severity,
    string State,
    DateTimeOffset At);
