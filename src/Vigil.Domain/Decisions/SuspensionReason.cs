namespace Vigil.Domain.Decisions;

/// <summary>The grounds the law gives for suspending monitoring.</summary>
public enum SuspensionReason
{
    CriminalInvestigation,
    TemporaryDetention,
    PrisonSentence,
    TravelAbroad,
}
