namespace Vigil.Domain.Decisions;

public enum DecisionStatus
{
    Draft,
    Signed,
    Active,
    Suspended,
    Ended,
}
