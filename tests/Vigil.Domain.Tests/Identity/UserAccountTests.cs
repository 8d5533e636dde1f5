using Microsoft.Extensions.Time.Testing;
using Vigil.Domain.Identity;

namespace Vigil.Domain.Tests.Identity;

public class UserAccountTests
{
    private const int MaxFailures = 5;
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void IsLockedAt_NewAccount_NotLocked()
    {
        var account = NewAccount();

        Assert.False(account.IsLockedAt(clock.GetUtcNow()));
        Assert.Equal(0, account.FailedLogins);
        Assert.Null(account.LockedUntil);
    }

    [Fact]
    public void RecordFailedLogin_BelowTheLimit_CountsWithoutLocking()
    {
        var account = NewAccount();

        FailTimes(account, MaxFailures - 1);

        Assert.Equal(MaxFailures - 1, account.FailedLogins);
        Assert.False(account.IsLockedAt(clock.GetUtcNow()));
    }

    [Fact]
    public void RecordFailedLogin_ReachingTheLimit_LocksForTheLockoutPeriod()
    {
        var account = NewAccount();
        FailTimes(account, MaxFailures - 1);
        var lastFailure = clock.GetUtcNow();

        account.RecordFailedLogin(lastFailure, MaxFailures, Lockout);

        Assert.Equal(lastFailure + Lockout, account.LockedUntil);
        Assert.Equal(0, account.FailedLogins);
        Assert.True(account.IsLockedAt(lastFailure));
        Assert.True(account.IsLockedAt(lastFailure + Lockout - TimeSpan.FromTicks(1)));
        Assert.False(account.IsLockedAt(lastFailure + Lockout));
    }

    [Fact]
    public void IsLockedAt_AfterLockoutExpires_Unlocked()
    {
        var account = NewAccount();
        FailTimes(account, MaxFailures - 1);
        account.RecordFailedLogin(clock.GetUtcNow(), MaxFailures, Lockout);

        clock.Advance(Lockout - TimeSpan.FromSeconds(1));
        Assert.True(account.IsLockedAt(clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(account.IsLockedAt(clock.GetUtcNow()));
    }

    [Fact]
    public void RecordFailedLogin_AfterLockoutExpires_NeedsTheFullCountAgain()
    {
        var account = NewAccount();
        FailTimes(account, MaxFailures);
        clock.Advance(Lockout);

        FailTimes(account, MaxFailures - 1);

        Assert.False(account.IsLockedAt(clock.GetUtcNow()));
        Assert.Equal(MaxFailures - 1, account.FailedLogins);
    }

    [Fact]
    public void RecordSuccessfulLogin_AfterFailures_ResetsTheCount()
    {
        var account = NewAccount();
        FailTimes(account, MaxFailures - 1);

        account.RecordSuccessfulLogin();
        FailTimes(account, MaxFailures - 1);

        Assert.Equal(MaxFailures - 1, account.FailedLogins);
        Assert.False(account.IsLockedAt(clock.GetUtcNow()));
    }

    [Fact]
    public void Unlock_LockedAccount_UnlockedAtOnce()
    {
        var account = NewAccount();
        FailTimes(account, MaxFailures);

        account.Unlock();

        Assert.False(account.IsLockedAt(clock.GetUtcNow()));
        Assert.Null(account.LockedUntil);
    }

    private void FailTimes(UserAccount account, int times)
    {
        for (var i = 0; i < times; i++)
        {
            account.RecordFailedLogin(clock.GetUtcNow(), MaxFailures, Lockout);
            clock.Advance(TimeSpan.FromSeconds(10));
        }
    }

    private UserAccount NewAccount() => new()
    {
        Username = "canbo.hoankiem",
        DisplayName = "Trần Văn Cường",
        Role = Role.ManagingOfficer,
        PasswordHash = "$argon2id$placeholder",
        CreatedAt = clock.GetUtcNow(),
    };
}
