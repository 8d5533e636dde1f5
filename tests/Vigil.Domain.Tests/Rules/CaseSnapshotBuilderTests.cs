using Vigil.Domain.Decisions;
using Vigil.Domain.People;
using Vigil.Domain.Records;
using Vigil.Domain.Requests;
using Vigil.Domain.Rules;

namespace Vigil.Domain.Tests.Rules;

public sealed class CaseSnapshotBuilderTests
{
    /// <summary>Monday 2026-11-23 10:00 in Vietnam: the decision is signed and activated.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid Officer = Guid.CreateVersion7();
    private static readonly Guid DeviceA = Guid.CreateVersion7();
    private static readonly Guid DeviceB = Guid.CreateVersion7();

    private readonly Person _person = new()
    {
        FullName = "Nguyễn Văn An",
        NationalId = "001090000001",
        DateOfBirth = new DateOnly(1990, 5, 20),
        ResidenceAddress = "12 Hàng Bạc, Hoàn Kiếm, Hà Nội",
        ProvinceCode = "01",
        CommuneCode = "00070",
    };

    [Fact]
    public void InForceWindows_SuspendResumeEnd_AgreeWithInForceAt()
    {
        var decision = ActiveDecision();
        decision.Suspend(Officer, SuspensionReason.TemporaryDetention, T0.AddHours(2), T0.AddHours(2), null);
        decision.Resume(Officer, T0.AddHours(5), T0.AddHours(5), null);
        decision.End(Officer, T0.AddHours(9), T0.AddHours(9), null);

        var windows = CaseSnapshotBuilder.InForceWindows(decision).ToList();

        Assert.Equal([new TimeWindow(T0, T0.AddHours(2)), new TimeWindow(T0.AddHours(5), T0.AddHours(9))], windows);
        var tick = TimeSpan.FromTicks(1);
        foreach (var instant in new[] { T0 - tick, T0, T0.AddHours(2) - tick, T0.AddHours(2), T0.AddHours(5) - tick, T0.AddHours(5), T0.AddHours(9) - tick, T0.AddHours(9) })
        {
            Assert.Equal(decision.InForceAt(instant), windows.Any(w => w.Contains(instant)));
        }
    }

    [Fact]
    public void Build_SwapThenCollection_EachDeviceMonitoredOnlyWhileOnThePerson()
    {
        Record[] records = [new(RecordKind.Attachment, T0.AddHours(1), DeviceA), new(RecordKind.DeviceSwap, T0.AddHours(3), DeviceB, DeviceA),
            new(RecordKind.Collection, T0.AddHours(6), DeviceB)];

        Assert.Equal([new TimeWindow(T0.AddHours(1), T0.AddHours(3))], Build(DeviceA, records).Monitored);
        Assert.Equal([new TimeWindow(T0.AddHours(3), T0.AddHours(6))], Build(DeviceB, records).Monitored);
    }

    [Fact]
    public void Build_AttachmentCorrected_CountsFromTheCorrectedTime()
    {
        var wrong = new Record(RecordKind.Attachment, T0.AddHours(4), DeviceA);
        var corrected = new Record(RecordKind.Attachment, T0.AddHours(1), DeviceA) { Corrects = wrong };

        Assert.Equal([new TimeWindow(T0.AddHours(1), null)], Build(DeviceA, [wrong, corrected]).Monitored);
    }

    [Fact]
    public void Build_RemovalApprovedBeforeItWasRecorded_WindowFromApprovedStartUntilReattachment()
    {
        var request = Approved(WearerRequest.TemporaryRemoval(_person.Id, "MRI", T0.AddHours(2), T0.AddHours(6), Officer, T0.AddHours(2), new RequestOptions()));
        var attach = new Record(RecordKind.Attachment, T0.AddHours(1), DeviceA);
        var removal = new Record(RecordKind.TemporaryRemoval, T0.AddHours(3), DeviceA) { ExpectedEnd = T0.AddHours(6), Request = request };

        var open = Build(DeviceA, [attach, removal], [request]);
        Assert.Equal([new TimeWindow(T0.AddHours(2), null)], open.ApprovedRemovals);
        Assert.Equal(T0.AddHours(6), open.ReattachmentDueBy);

        var back = Build(DeviceA, [attach, removal, new Record(RecordKind.Reattachment, T0.AddHours(4), DeviceA)], [request]);
        Assert.Equal([new TimeWindow(T0.AddHours(2), T0.AddHours(4))], back.ApprovedRemovals);
        Assert.Null(back.ReattachmentDueBy);
    }

    [Fact]
    public void Build_RequestsNotYetCarriedOut_ApprovedOnesAsPlanned()
    {
        var options = new RequestOptions();
        var removal = Approved(WearerRequest.TemporaryRemoval(_person.Id, "MRI", T0.AddHours(2), T0.AddHours(6), Officer, T0, options));
        var pendingTravel = WearerRequest.TravelReport(_person.Id, "Thăm mẹ", "Hải Phòng", T0.AddDays(1), T0.AddDays(2), Officer, T0, options);
        var travel = Approved(WearerRequest.TravelReport(_person.Id, "Thăm mẹ", "Hải Phòng", T0.AddDays(3), T0.AddDays(4), Officer, T0, options));

        var snapshot = Build(DeviceA, [new Record(RecordKind.Attachment, T0, DeviceA)], [removal, pendingTravel, travel]);

        Assert.Equal([new TimeWindow(T0.AddHours(2), T0.AddHours(6))], snapshot.ApprovedRemovals);
        Assert.Equal([new TimeWindow(T0.AddDays(3), T0.AddDays(4))], snapshot.ApprovedTravel);
        Assert.Null(snapshot.ReattachmentDueBy);
    }

    [Fact]
    public void Build_ResidenceChange_ReportedUntilArrivalOrRefusal_DepartureAwaitsArrival()
    {
        var refused = WearerRequest.ResidenceChange(_person.Id, "x", "00070", "00004", "5 Đội Cấn", T0, Officer, T0);
        refused.Refuse(Officer, T0.AddHours(1), "Chưa đủ giấy tờ");
        var moving = Approved(WearerRequest.ResidenceChange(_person.Id, "x", "00070", "00004", "5 Đội Cấn", T0.AddHours(2), Officer, T0.AddHours(2)));
        var attach = new Record(RecordKind.Attachment, T0, DeviceA);
        var departure = new Record(RecordKind.ResidenceDeparture, T0.AddHours(3), null) { Request = moving };

        var departed = Build(DeviceA, [attach, departure], [refused, moving]);
        Assert.Equal([new TimeWindow(T0, T0.AddHours(1)), new TimeWindow(T0.AddHours(2), null)], departed.ResidenceChangeReported);
        Assert.Equal(T0.AddHours(3), departed.DepartureAwaitingArrival);

        var arrived = Build(DeviceA, [attach, departure, new Record(RecordKind.ResidenceArrival, T0.AddHours(8), null) { Request = moving }], [refused, moving]);
        Assert.Equal([new TimeWindow(T0, T0.AddHours(1)), new TimeWindow(T0.AddHours(2), T0.AddHours(8))], arrived.ResidenceChangeReported);
        Assert.Null(arrived.DepartureAwaitingArrival);
    }

    [Fact]
    public void Build_MalfunctionReported_RequestSubmissionsAndRecordsButNotWithdrawn()
    {
        var reported = WearerRequest.MalfunctionReport(_person.Id, "Màn hình tắt", T0, Officer, T0.AddHours(1));
        var withdrawn = WearerRequest.MalfunctionReport(_person.Id, "Nhầm", T0, Officer, T0.AddHours(2));
        withdrawn.Withdraw(Officer, T0.AddHours(2));

        var snapshot = Build(DeviceA, [new Record(RecordKind.Attachment, T0, DeviceA), new Record(RecordKind.MalfunctionReport, T0.AddHours(5), DeviceA)],
            [reported, withdrawn]);

        Assert.Equal([T0.AddHours(1), T0.AddHours(5)], snapshot.MalfunctionReports);
    }

    private CaseSnapshot Build(Guid device, Record[] records, WearerRequest[]? requests = null)
    {
        var formal = new List<FormalRecord>();
        foreach (var record in records)
        {
            formal.Add(new FormalRecord
            {
                PersonId = _person.Id,
                Kind = record.Kind,
                OccurredAt = record.At,
                RecordedAt = record.At,
                OfficerId = Officer,
                DeviceId = record.Device,
                PreviousDeviceId = record.Previous,
                Position = BodyPosition.LeftWrist,
                ExpectedEnd = record.ExpectedEnd,
                RequestId = record.Request?.Id,
                CorrectsRecordId = record.Corrects is { } c ? formal[Array.IndexOf(records, c)].Id : null,
            });
        }

        return CaseSnapshotBuilder.Build(_person.Id, device, [ActiveDecision()], formal, [], requests ?? []);
    }

    private MonitoringDecision ActiveDecision()
    {
        var decision = MonitoringDecision.Draft(_person, "QĐ-1", 12, new DateOnly(2026, 11, 23), Officer, Officer, T0, new DecisionOptions());
        decision.Sign(Officer, T0, otherDecisionInForce: false);
        decision.Activate(Officer, T0);
        return decision;
    }

    private static WearerRequest Approved(WearerRequest request)
    {
        request.Approve(Officer, request.SubmittedAt, null);
        return request;
    }

    private sealed record Record(RecordKind Kind, DateTimeOffset At, Guid? Device, Guid? Previous = null)
    {
        public DateTimeOffset? ExpectedEnd { get; init; }

        public WearerRequest? Request { get; init; }

        public Record? Corrects { get; init; }
    }
}
