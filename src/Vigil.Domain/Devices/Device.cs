namespace Vigil.Domain.Devices;

/// <summary>
/// A wristband issued by the Ministry. <see cref="DeviceId"/> is what it connects with (MQTT client id and
/// user name); the secret is shown once when provisioned and only its hash is kept.
/// </summary>
public sealed class Device
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The id the device authenticates with, e.g. "VG-0000123".</summary>
    public required string DeviceId { get; init; }

    public required string Serial { get; init; }

    /// <summary>15-digit IMEI.</summary>
    public required string Imei { get; init; }

    public required string Model { get; set; }

    public required string Firmware { get; set; }

    public DeviceStatus Status { get; private set; } = DeviceStatus.InStock;

    public Guid HoldingUnitId { get; private set; }

    /// <summary>SHA-256 of the device secret, hex; null until provisioned.</summary>
    public string? SecretHash { get; private set; }

    public DateTimeOffset? ProvisionedAt { get; private set; }

    public Guid? AssignedPersonId { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public long Version { get; set; }

    public static Device Register(string deviceId, string serial, string imei, string model, string firmware, Guid unitId, DateTimeOffset now)
    {
        if (imei.Length != 15 || !imei.All(char.IsAsciiDigit))
        {
            throw new DomainException("imei", "invalid-imei", "An IMEI is exactly 15 digits.");
        }

        return new Device
        {
            DeviceId = deviceId,
            Serial = serial,
            Imei = imei,
            Model = model,
            Firmware = firmware,
            HoldingUnitId = unitId,
            CreatedAt = now,
        };
    }

    public void Provision(string secretHash, DateTimeOffset now)
    {
        if (Status == DeviceStatus.Retired)
        {
            throw new InvalidTransitionException("status", "retired", "A retired device cannot be provisioned.");
        }

        SecretHash = secretHash;
        ProvisionedAt = now;
    }

    public void AssignTo(Guid personId)
    {
        if (Status != DeviceStatus.InStock)
        {
            throw new InvalidTransitionException("deviceId", "device-not-in-stock",
                $"The device is {Status.ToString().ToLowerInvariant()}; only a device in stock can be attached.");
        }

        if (SecretHash is null)
        {
            throw new InvalidTransitionException("deviceId", "not-provisioned", "The device has not been provisioned with a secret yet.");
        }

        Status = DeviceStatus.Assigned;
        AssignedPersonId = personId;
    }

    /// <summary>Back from a person to stock (end of monitoring) or to repair (a swap after a malfunction).</summary>
    public void Release(DeviceStatus to)
    {
        if (Status != DeviceStatus.Assigned || to is not (DeviceStatus.InStock or DeviceStatus.InRepair))
        {
            throw new InvalidTransitionException("status", "invalid-transition", $"A {Status} device cannot be released to {to}.");
        }

        Status = to;
        AssignedPersonId = null;
    }

    /// <summary>Logistics moves between stock, repair and retirement; assignment goes through an attachment record.</summary>
    public void SetStatus(DeviceStatus to)
    {
        if (Status == DeviceStatus.Assigned || to == DeviceStatus.Assigned || Status == DeviceStatus.Retired)
        {
            throw new InvalidTransitionException("status", "invalid-transition",
                $"A device cannot go from {Status} to {to} here: assignment is done by attachment, retirement is final.");
        }

        Status = to;
    }

    public void MoveTo(Guid unitId)
    {
        if (Status != DeviceStatus.InStock)
        {
            throw new InvalidTransitionException("status", "device-not-in-stock", "Only a device in stock can be moved to another unit.");
        }

        HoldingUnitId = unitId;
    }
}
