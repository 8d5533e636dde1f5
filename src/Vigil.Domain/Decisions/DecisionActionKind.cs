namespace Vigil.Domain.Decisions;

public enum DecisionActionKind
{
    Signature,
    Activation,
    Suspension,
    Resumption,
    Ending,
}
