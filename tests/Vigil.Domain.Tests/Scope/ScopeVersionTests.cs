using Vigil.Domain.Scope;

namespace Vigil.Domain.Tests.Scope;

public class ScopeVersionTests
{
    private static readonly DateTimeOffset From = new(2026, 1, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Until = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void InForceAt_Current_FromEffectiveFromOnwards()
    {
        var version = new ScopeVersion { EffectiveFrom = From };

        Assert.False(version.InForceAt(From.AddTicks(-1)));
        Assert.True(version.InForceAt(From));
        Assert.True(version.InForceAt(From.AddYears(5)));
    }

    [Fact]
    public void InForceAt_Superseded_UntilExclusive()
    {
        var version = new ScopeVersion { EffectiveFrom = From };

        version.SupersedeAt(Until);

        Assert.Equal(Until, version.EffectiveUntil);
        Assert.True(version.InForceAt(Until.AddTicks(-1)));
        Assert.False(version.InForceAt(Until));
    }

    [Fact]
    public void SupersedeAt_Twice_Refused()
    {
        var version = new ScopeVersion { EffectiveFrom = From };
        version.SupersedeAt(Until);

        var e = Assert.Throws<InvalidTransitionException>(() => version.SupersedeAt(Until.AddDays(1)));

        Assert.Equal(("scope", "already-superseded"), (e.Field, e.Code));
        Assert.Equal(Until, version.EffectiveUntil);
    }
}
