using Vigil.Domain.Requests;

namespace Vigil.Domain.Tests.Requests;

public sealed class TravelReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
    private static readonly RequestOptions Options = new();

    [Fact]
    public void TravelReport_ValidTrip_KeepsDestinationAndWindow()
    {
        var request = WearerRequest.TravelReport(Guid.NewGuid(), "Thăm mẹ ốm", " Hải Phòng ", Now.AddHours(2), Now.AddDays(2), Guid.NewGuid(), Now, Options);
        Assert.Equal(RequestKind.TravelReport, request.Kind);
        Assert.Equal("Hải Phòng", request.Destination);
        Assert.Equal(Now.AddHours(2), request.StartsAt);
        Assert.Equal(Now.AddDays(2), request.ExpectedEnd);
    }

    [Theory]
    [InlineData(" ", 1, 2, "destination", "required")]
    [InlineData("Huế", 2, 1, "expectedEnd", "before-start")]
    [InlineData("Huế", 1, 40 * 24, "expectedEnd", "too-long")]
    [InlineData("Huế", -10, -5, "expectedEnd", "in-the-past")]
    public void TravelReport_Invalid_RefusedNamingTheField(string destination, int leavesInHours, int returnsInHours, string field, string code)
    {
        var error = Assert.Throws<DomainException>(() => WearerRequest.TravelReport(Guid.NewGuid(), "Đi công tác", destination,
            Now.AddHours(leavesInHours), Now.AddHours(returnsInHours), Guid.NewGuid(), Now, Options));
        Assert.Equal((field, code), (error.Field, error.Code));
    }
}
