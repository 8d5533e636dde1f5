namespace Vigil.Domain.Identity;

/// <summary>
/// Someone who logs in: an officer (who belongs to a unit), a wearer (who is a person under monitoring), or
/// the guardian of a minor wearer.
/// </summary>
public sealed class UserAccount
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Username { get; init; }

    public required string DisplayName { get; set; }

    public Role Role { get; init; }

    public Guid? UnitId { get; init; }

    /// <summary>For a wearer: the person they are.</summary>
    public Guid? PersonId { get; init; }

    /// <summary>For a guardian: the minor they are responsible for.</summary>
    public Guid? WardPersonId { get; init; }

    public required string PasswordHash { get; set; }

    /// <summary>Base32 TOTP secret; every officer has one.</summary>
    public string? TotpSecret { get; set; }

    /// <summary>The TOTP time step last used to log in: a code is accepted once, never replayed.</summary>
    public long? LastSecondFactorStep { get; private set; }

    public int FailedLogins { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public long Version { get; set; }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a failed log-in; the account locks once <paramref name="maxFailures"/> is reached.</summary>
    public void RecordFailedLogin(DateTimeOffset now, int maxFailures, TimeSpan lockout)
    {
        FailedLogins++;
        if (FailedLogins >= maxFailures)
        {
            LockedUntil = now + lockout;
            FailedLogins = 0;
        }
    }

    public void RecordSuccessfulLogin()
    {
        FailedLogins = 0;
        LockedUntil = null;
    }

    public void Unlock() => RecordSuccessfulLogin();

    /// <summary>Takes a TOTP step for this log-in; false when it (or a later one) was already used.</summary>
    public bool UseSecondFactorStep(long step)
    {
        if (LastSecondFactorStep is { } last && step <= last)
        {
            return false;
        }

        LastSecondFactorStep = step;
        return true;
    }
}
