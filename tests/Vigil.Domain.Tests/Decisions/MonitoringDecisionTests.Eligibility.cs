using Vigil.Domain.Decisions;

namespace Vigil.Domain.Tests.Decisions;

public partial class MonitoringDecisionTests
{
    // ---- Age ----

    [Fact]
    public void Draft_ElevenOnStartDate_RefusedOnStartDate()
    {
        var person = PersonBorn(Start.AddYears(-12).AddDays(1), guardians: 1);

        var e = Assert.Throws<DomainException>(() => Draft(person));

        Assert.Equal(("startDate", "under-minimum-age"), (e.Field, e.Code));
    }

    [Fact]
    public void Draft_TwelveExactlyOnStartDate_AllowedWithGuardianRequired()
    {
        var decision = Draft(PersonBorn(Start.AddYears(-12), guardians: 1));

        Assert.True(decision.GuardianRequired);
    }

    [Fact]
    public void Draft_ElevenTodayButTwelveOnStartDate_Allowed()
    {
        var person = PersonBorn(new DateOnly(2014, 2, 15), guardians: 1);

        var decision = MonitoringDecision.Draft(person, "QĐ-1", 12, new DateOnly(2026, 3, 1), Officer, Creator, DraftedAt, new DecisionOptions());

        Assert.True(decision.GuardianRequired);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(17)]
    public void Draft_MinorWithoutGuardian_RefusedOnGuardians(int age)
    {
        var person = PersonBorn(Start.AddYears(-age));

        var e = Assert.Throws<DomainException>(() => Draft(person));

        Assert.Equal(("guardians", "guardian-required"), (e.Field, e.Code));
    }

    [Fact]
    public void Draft_DayBeforeEighteenthBirthday_StillNeedsGuardian()
    {
        var person = PersonBorn(Start.AddYears(-18).AddDays(1));

        var e = Assert.Throws<DomainException>(() => Draft(person));

        Assert.Equal("guardians", e.Field);
    }

    [Fact]
    public void Draft_EighteenOnStartDate_NoGuardianNeeded()
    {
        var decision = Draft(PersonBorn(Start.AddYears(-18)));

        Assert.False(decision.GuardianRequired);
    }

    [Fact]
    public void Draft_AgeLimitsFromOptions_Applied()
    {
        var options = new DecisionOptions { MinimumAge = 14, AdultAge = 16 };

        var young = Assert.Throws<DomainException>(() => Draft(PersonBorn(Start.AddYears(-13), guardians: 1), options: options));
        var adult = Draft(PersonBorn(Start.AddYears(-16)), options: options);

        Assert.Equal("under-minimum-age", young.Code);
        Assert.False(adult.GuardianRequired);
    }

    // ---- Duration ----

    [Theory]
    [InlineData(12)]
    [InlineData(24)]
    public void Draft_StandardDuration_Allowed(int months)
    {
        var decision = Draft(Adult(), durationMonths: months);

        Assert.Equal(months, decision.DurationMonths);
        Assert.Equal(Start.AddMonths(months), decision.EndDate);
    }

    [Fact]
    public void Draft_NonStandardDuration_RefusedUnlessAllowed()
    {
        var e = Assert.Throws<DomainException>(() => Draft(Adult(), durationMonths: 18));
        var allowed = Draft(Adult(), durationMonths: 18, options: new DecisionOptions { AllowOtherDurations = true });

        Assert.Equal(("durationMonths", "duration-not-standard"), (e.Field, e.Code));
        Assert.Equal(18, allowed.DurationMonths);
    }

    [Theory]
    [InlineData(25, false)]
    [InlineData(25, true)]
    [InlineData(0, false)]
    [InlineData(0, true)]
    [InlineData(-12, true)]
    public void Draft_DurationOutOfRange_AlwaysRefused(int months, bool allowOther)
    {
        var options = new DecisionOptions { AllowOtherDurations = allowOther };

        var e = Assert.Throws<DomainException>(() => Draft(Adult(), durationMonths: months, options: options));

        Assert.Equal(("durationMonths", "duration-out-of-range"), (e.Field, e.Code));
    }

    [Fact]
    public void Revise_NonStandardDuration_Refused()
    {
        var decision = Draft(Adult());

        var e = Assert.Throws<DomainException>(() => decision.Revise(18, Start, Officer, null, new DecisionOptions()));

        Assert.Equal("durationMonths", e.Field);
        Assert.Equal(12, decision.DurationMonths);
    }
}
