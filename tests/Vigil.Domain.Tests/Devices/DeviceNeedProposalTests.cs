using Vigil.Domain.Devices;

namespace Vigil.Domain.Tests.Devices;

public class DeviceNeedProposalTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Commune = new("00000000-0000-0000-0000-0000000000d2");
    private static readonly Guid CommuneChief = new("00000000-0000-0000-0000-00000000c41e");
    private static readonly Guid Logistics = new("00000000-0000-0000-0000-0000000000e1");

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(10_000)]
    public void Submit_RequestedInRange_Submitted(int requested)
    {
        var proposal = Submit(requested);

        Assert.Equal(ProposalStatus.Submitted, proposal.Status);
        Assert.Equal(requested, proposal.Requested);
        Assert.Equal(52, proposal.Caseload);
        Assert.Equal(Commune, proposal.CommuneUnitId);
        Assert.Equal(("01", "00004"), (proposal.ProvinceCode, proposal.CommuneCode));
        Assert.Equal(CommuneChief, proposal.SubmittedBy);
        Assert.Equal(Now, proposal.SubmittedAt);
        Assert.Equal(0, proposal.Allocated);
        Assert.Null(proposal.DecidedAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(10_001)]
    public void Submit_RequestedOutOfRange_Refused(int requested)
    {
        var e = Assert.Throws<DomainException>(() => Submit(requested));

        Assert.Equal(("requested", "out-of-range"), (e.Field, e.Code));
    }

    [Fact]
    public void Allocate_Submitted_AllocatedWithDecider()
    {
        var proposal = Submit(40);

        proposal.Allocate(30, Logistics, Now.AddDays(2), "stock is short");

        Assert.Equal(ProposalStatus.Allocated, proposal.Status);
        Assert.Equal(30, proposal.Allocated);
        Assert.Equal(Logistics, proposal.DecidedBy);
        Assert.Equal(Now.AddDays(2), proposal.DecidedAt);
        Assert.Equal("stock is short", proposal.DecisionNote);
    }

    [Fact]
    public void Refuse_Submitted_RefusedNothingAllocated()
    {
        var proposal = Submit(40);

        proposal.Refuse(Logistics, Now.AddDays(2), "no stock");

        Assert.Equal(ProposalStatus.Refused, proposal.Status);
        Assert.Equal(0, proposal.Allocated);
        Assert.Equal("no stock", proposal.DecisionNote);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Decide_Twice_RefusedKeepingFirstDecision(bool allocateFirst, bool allocateSecond)
    {
        var proposal = Submit(40);
        Decide(proposal, allocateFirst, Now.AddDays(1));
        var status = proposal.Status;

        var e = Assert.Throws<InvalidTransitionException>(() => Decide(proposal, allocateSecond, Now.AddDays(2)));

        Assert.Equal(("status", "already-decided"), (e.Field, e.Code));
        Assert.Equal(status, proposal.Status);
        Assert.Equal(Now.AddDays(1), proposal.DecidedAt);
        Assert.Equal(allocateFirst ? 40 : 0, proposal.Allocated);
    }

    private static void Decide(DeviceNeedProposal proposal, bool allocate, DateTimeOffset at)
    {
        if (allocate)
        {
            proposal.Allocate(40, Logistics, at, null);
        }
        else
        {
            proposal.Refuse(Logistics, at, null);
        }
    }

    private static DeviceNeedProposal Submit(int requested) =>
        DeviceNeedProposal.Submit(Commune, "01", "00004", requested, caseload: 52, "caseload grew", CommuneChief, Now);
}
