namespace Vigil.Domain.Identity;

public enum Role
{
    NationalSupervisor,
    ProvincialSupervisor,
    ProvincialAnalyst,
    CommuneChief,
    ManagingOfficer,
    DeviceLogistics,
    SystemAdministrator,
    Wearer,
    Guardian,
}

public static class RoleExtensions
{
    /// <summary>Officers belong to a unit and log in with a second factor; wearers and guardians do not.</summary>
    public static bool IsOfficer(this Role role) => role is not (Role.Wearer or Role.Guardian);
}
