namespace Vigil.Domain.Requests;

public sealed class RequestOptions
{
    /// <summary>A position change for comfort needs this long in the current position (default one month).</summary>
    public int MinimumMonthsInPosition { get; set; } = 1;

    /// <summary>The longest temporary removal that can be requested.</summary>
    public TimeSpan MaximumRemoval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The longest trip outside the scope that one travel report covers.</summary>
    public TimeSpan MaximumTravel { get; set; } = TimeSpan.FromDays(30);
}
