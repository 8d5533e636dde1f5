namespace Vigil.Domain.Telemetry;

/// <summary>The kinds of device event in protocol v1, plus <see cref="Unknown"/> for anything newer.</summary>
public enum DeviceEventKind
{
    /// <summary>An event this server does not know (a later protocol); the raw text is kept in the detail.</summary>
    Unknown,

    /// <summary><c>poweron</c>.</summary>
    PowerOn,

    /// <summary><c>poweroff:user</c>: switched off by the wearer.</summary>
    PowerOffUser,

    /// <summary><c>poweroff:lowbat</c>: switched itself off on a flat battery.</summary>
    PowerOffLowBattery,

    /// <summary><c>sos</c>: the wearer asked for help.</summary>
    Sos,

    /// <summary><c>shock</c>: the band was struck.</summary>
    Shock,

    /// <summary><c>fall</c>: the wearer fell.</summary>
    Fall,

    /// <summary><c>fault:&lt;code&gt;</c>: a self-diagnosed malfunction; the detail is the code.</summary>
    Fault,

    /// <summary><c>fw:&lt;version&gt;</c>: the firmware version; the detail is the version.</summary>
    Firmware,
}
