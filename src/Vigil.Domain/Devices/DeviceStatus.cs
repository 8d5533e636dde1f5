namespace Vigil.Domain.Devices;

public enum DeviceStatus
{
    InStock,
    Assigned,
    InRepair,
    Retired,
}
