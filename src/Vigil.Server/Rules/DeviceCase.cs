using Vigil.Domain.Rules;

namespace Vigil.Server.Rules;

/// <summary>
/// The case one device is judged by: the person it is (or was last) on, the police unit that manages that person
/// now (their commune's station; the province's unit if the commune has no station), and the rules' view of the case.
/// </summary>
public sealed record DeviceCase(Guid PersonId, Guid ManagingUnitId, CaseSnapshot Snapshot);
