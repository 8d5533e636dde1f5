namespace Vigil.Domain.Devices;

/// <summary>A commune's proposal of how many devices it needs; the province allocates stock against it.</summary>
public sealed class DeviceNeedProposal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CommuneUnitId { get; init; }

    public required string ProvinceCode { get; init; }

    public required string CommuneCode { get; init; }

    public int Requested { get; init; }

    /// <summary>The caseload the commune counted when proposing.</summary>
    public int Caseload { get; init; }

    public string? Justification { get; init; }

    public ProposalStatus Status { get; private set; }

    public int Allocated { get; private set; }

    public DateTimeOffset SubmittedAt { get; init; }

    public Guid SubmittedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public string? DecisionNote { get; private set; }

    public long Version { get; set; }

    public static DeviceNeedProposal Submit(Guid unitId, string provinceCode, string communeCode, int requested, int caseload,
        string? justification, Guid by, DateTimeOffset now)
    {
        if (requested is < 1 or > 10_000)
        {
            throw new DomainException("requested", "out-of-range", "The number of devices must be between 1 and 10,000.");
        }

        return new DeviceNeedProposal
        {
            CommuneUnitId = unitId,
            ProvinceCode = provinceCode,
            CommuneCode = communeCode,
            Requested = requested,
            Caseload = caseload,
            Justification = justification,
            SubmittedAt = now,
            SubmittedBy = by,
        };
    }

    public void Allocate(int count, Guid by, DateTimeOffset now, string? note)
    {
        Decide(by, now, note);
        Allocated = count;
        Status = ProposalStatus.Allocated;
    }

    public void Refuse(Guid by, DateTimeOffset now, string? note)
    {
        Decide(by, now, note);
        Status = ProposalStatus.Refused;
    }

    private void Decide(Guid by, DateTimeOffset now, string? note)
    {
        if (Status != ProposalStatus.Submitted)
        {
            throw new InvalidTransitionException("status", "already-decided", "This proposal was already decided.");
        }

        DecidedAt = now;
        DecidedBy = by;
        DecisionNote = note;
    }
}
