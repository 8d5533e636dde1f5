using Vigil.Domain.Identity;

namespace Vigil.Domain.Tests.Identity;

public class RoleExtensionsTests
{
    [Theory]
    [InlineData(Role.NationalSupervisor, true)]
    [InlineData(Role.ProvincialSupervisor, true)]
    [InlineData(Role.ProvincialAnalyst, true)]
    [InlineData(Role.CommuneChief, true)]
    [InlineData(Role.ManagingOfficer, true)]
    [InlineData(Role.DeviceLogistics, true)]
    [InlineData(Role.SystemAdministrator, true)]
    [InlineData(Role.Wearer, false)]
    [InlineData(Role.Guardian, false)]
    public void IsOfficer_Role_OnlyStaffAreOfficers(Role role, bool expected)
    {
        Assert.Equal(expected, role.IsOfficer());
    }
}
