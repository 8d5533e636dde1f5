namespace Vigil.Domain.Devices;

public enum ProposalStatus
{
    Submitted,
    Allocated,
    Refused,
}
