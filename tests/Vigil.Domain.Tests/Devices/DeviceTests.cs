using Vigil.Domain.Devices;

namespace Vigil.Domain.Tests.Devices;

public class DeviceTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Province = new("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid Commune = new("00000000-0000-0000-0000-0000000000d2");
    private static readonly Guid Person = new("00000000-0000-0000-0000-0000000000a1");

    [Fact]
    public void Register_ValidImei_InStockAtUnitNotProvisioned()
    {
        var device = Device.Register("VG-0000123", "SN-123", "356938035643809", "VB-1", "1.0.3", Province, Now);

        Assert.Equal(DeviceStatus.InStock, device.Status);
        Assert.Equal("VG-0000123", device.DeviceId);
        Assert.Equal("356938035643809", device.Imei);
        Assert.Equal(Province, device.HoldingUnitId);
        Assert.Equal(Now, device.CreatedAt);
        Assert.Null(device.SecretHash);
        Assert.Null(device.AssignedPersonId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("35693803564380")]
    [InlineData("3569380356438090")]
    [InlineData("35693803564380A")]
    [InlineData("356938-35643809")]
    [InlineData("٣٥٦٩٣٨٠٣٥٦٤٣٨٠٩")] // Arabic-Indic digits are digits, but not ASCII ones.
    public void Register_BadImei_Refused(string imei)
    {
        var e = Assert.Throws<DomainException>(() => Device.Register("VG-1", "SN-1", imei, "VB-1", "1.0", Province, Now));

        Assert.Equal(("imei", "invalid-imei"), (e.Field, e.Code));
    }

    [Fact]
    public void Provision_InStock_KeepsHashAndTime()
    {
        var device = NewDevice();

        device.Provision("ab12", Now.AddHours(1));

        Assert.Equal("ab12", device.SecretHash);
        Assert.Equal(Now.AddHours(1), device.ProvisionedAt);
    }

    [Fact]
    public void Provision_Retired_Refused()
    {
        var device = NewDevice();
        device.SetStatus(DeviceStatus.Retired);

        var e = Assert.Throws<InvalidTransitionException>(() => device.Provision("ab12", Now));

        Assert.Equal(("status", "retired"), (e.Field, e.Code));
        Assert.Null(device.SecretHash);
    }

    [Fact]
    public void AssignTo_InStockAndProvisioned_Assigned()
    {
        var device = Provisioned();

        device.AssignTo(Person);

        Assert.Equal(DeviceStatus.Assigned, device.Status);
        Assert.Equal(Person, device.AssignedPersonId);
    }

    [Fact]
    public void AssignTo_NotProvisioned_Refused()
    {
        var device = NewDevice();

        var e = Assert.Throws<InvalidTransitionException>(() => device.AssignTo(Person));

        Assert.Equal(("deviceId", "not-provisioned"), (e.Field, e.Code));
        Assert.Equal(DeviceStatus.InStock, device.Status);
    }

    [Theory]
    [InlineData(DeviceStatus.Assigned)]
    [InlineData(DeviceStatus.InRepair)]
    [InlineData(DeviceStatus.Retired)]
    public void AssignTo_NotInStock_Refused(DeviceStatus status)
    {
        var device = DeviceIn(status);

        var e = Assert.Throws<InvalidTransitionException>(() => device.AssignTo(Guid.Empty));

        Assert.Equal(("deviceId", "device-not-in-stock"), (e.Field, e.Code));
        Assert.Equal(status, device.Status);
    }

    [Theory]
    [InlineData(DeviceStatus.InStock)]
    [InlineData(DeviceStatus.InRepair)]
    public void Release_Assigned_BackToStockOrRepair(DeviceStatus to)
    {
        var device = DeviceIn(DeviceStatus.Assigned);

        device.Release(to);

        Assert.Equal(to, device.Status);
        Assert.Null(device.AssignedPersonId);
    }

    [Theory]
    [InlineData(DeviceStatus.Retired)]
    [InlineData(DeviceStatus.Assigned)]
    public void Release_ToRetiredOrAssigned_Refused(DeviceStatus to)
    {
        var device = DeviceIn(DeviceStatus.Assigned);

        var e = Assert.Throws<InvalidTransitionException>(() => device.Release(to));

        Assert.Equal(("status", "invalid-transition"), (e.Field, e.Code));
        Assert.Equal(Person, device.AssignedPersonId);
    }

    [Theory]
    [InlineData(DeviceStatus.InStock)]
    [InlineData(DeviceStatus.InRepair)]
    [InlineData(DeviceStatus.Retired)]
    public void Release_NotAssigned_Refused(DeviceStatus status)
    {
        var device = DeviceIn(status);

        var e = Assert.Throws<InvalidTransitionException>(() => device.Release(DeviceStatus.InStock));

        Assert.Equal("invalid-transition", e.Code);
        Assert.Equal(status, device.Status);
    }

    [Theory]
    [InlineData(DeviceStatus.InStock, DeviceStatus.InRepair)]
    [InlineData(DeviceStatus.InRepair, DeviceStatus.InStock)]
    [InlineData(DeviceStatus.InStock, DeviceStatus.Retired)]
    [InlineData(DeviceStatus.InRepair, DeviceStatus.Retired)]
    public void SetStatus_LogisticsMove_Applied(DeviceStatus from, DeviceStatus to)
    {
        var device = DeviceIn(from);

        device.SetStatus(to);

        Assert.Equal(to, device.Status);
    }

    [Theory]
    [InlineData(DeviceStatus.InStock, DeviceStatus.Assigned)]
    [InlineData(DeviceStatus.InRepair, DeviceStatus.Assigned)]
    [InlineData(DeviceStatus.Assigned, DeviceStatus.InStock)]
    [InlineData(DeviceStatus.Assigned, DeviceStatus.Retired)]
    [InlineData(DeviceStatus.Retired, DeviceStatus.InStock)]
    [InlineData(DeviceStatus.Retired, DeviceStatus.InRepair)]
    public void SetStatus_ToOrFromAssignedOrFromRetired_Refused(DeviceStatus from, DeviceStatus to)
    {
        var device = DeviceIn(from);

        var e = Assert.Throws<InvalidTransitionException>(() => device.SetStatus(to));

        Assert.Equal(("status", "invalid-transition"), (e.Field, e.Code));
        Assert.Equal(from, device.Status);
    }

    [Fact]
    public void MoveTo_InStock_ChangesHoldingUnit()
    {
        var device = NewDevice();

        device.MoveTo(Commune);

        Assert.Equal(Commune, device.HoldingUnitId);
    }

    [Theory]
    [InlineData(DeviceStatus.Assigned)]
    [InlineData(DeviceStatus.InRepair)]
    [InlineData(DeviceStatus.Retired)]
    public void MoveTo_NotInStock_Refused(DeviceStatus status)
    {
        var device = DeviceIn(status);

        var e = Assert.Throws<InvalidTransitionException>(() => device.MoveTo(Commune));

        Assert.Equal(("status", "device-not-in-stock"), (e.Field, e.Code));
        Assert.Equal(Province, device.HoldingUnitId);
    }

    private static Device NewDevice() => Device.Register("VG-0000123", "SN-123", "356938035643809", "VB-1", "1.0.3", Province, Now);

    private static Device Provisioned()
    {
        var device = NewDevice();
        device.Provision("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Now);
        return device;
    }

    private static Device DeviceIn(DeviceStatus status)
    {
        var device = Provisioned();
        if (status == DeviceStatus.Assigned)
        {
            device.AssignTo(Person);
        }
        else if (status != DeviceStatus.InStock)
        {
            device.SetStatus(status);
        }

        Assert.Equal(status, device.Status);
        return device;
    }
}
