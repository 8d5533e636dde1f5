using Vigil.Domain.Records;

namespace Vigil.Domain.Requests;

/// <summary>
/// A request from the wearer (or made for them), decided by the managing officer or the chief. Every
/// timestamp is kept: the 24-hour deadlines are judged on them.
/// </summary>
public sealed class WearerRequest
{
    private WearerRequest()
    {
    }

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; private set; }

    public RequestKind Kind { get; private set; }

    public RequestStatus Status { get; private set; }

    public required string Reason { get; init; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public Guid SubmittedBy { get; private set; }

    /// <summary>Temporary removal: when it should start and end.</summary>
    public DateTimeOffset? StartsAt { get; private set; }

    public DateTimeOffset? ExpectedEnd { get; private set; }

    public BodyPosition? RequestedPosition { get; private set; }

    public PositionChangeReason? PositionReason { get; private set; }

    /// <summary>Residence change: the old commune (the person's at submission) and the new one.</summary>
    public string? FromCommuneCode { get; private set; }

    public string? ToCommuneCode { get; private set; }

    public string? NewAddress { get; private set; }

    /// <summary>Travel report: where the person goes.</summary>
    public string? Destination { get; private set; }

    /// <summary>Scope change: the proposed zones, as the API received them (JSON).</summary>
    public string? ProposedScopeJson { get; private set; }

    /// <summary>Malfunction: when the wearer discovered it (the 24-hour report deadline runs from here).</summary>
    public DateTimeOffset? DiscoveredAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public string? DecisionNote { get; private set; }

    public long Version { get; set; }

    public static WearerRequest TemporaryRemoval(Guid personId, string reason, DateTimeOffset startsAt, DateTimeOffset expectedEnd,
        Guid by, DateTimeOffset now, RequestOptions options)
    {
        if (expectedEnd <= startsAt)
        {
            throw new DomainException("expectedEnd", "before-start", "The expected end must be after the start.");
        }

        if (expectedEnd - startsAt > options.MaximumRemoval)
        {
            throw new DomainException("expectedEnd", "too-long", $"A temporary removal may last at most {options.MaximumRemoval.TotalDays:0} days.");
        }

        if (expectedEnd <= now)
        {
            throw new DomainException("expectedEnd", "in-the-past", "The expected end is already past.");
        }

        var request = New(personId, RequestKind.TemporaryRemoval, reason, by, now);
        request.StartsAt = startsAt;
        request.ExpectedEnd = expectedEnd;
        return request;
    }

    /// <param name="current">What the records say is on the person now.</param>
    public static WearerRequest PositionChange(Guid personId, string reason, BodyPosition requested, PositionChangeReason why,
        WearState current, Guid by, DateTimeOffset now, RequestOptions options)
    {
        if (current.DeviceId is null || current.PositionSince is not { } since)
        {
            throw new DomainException("personId", "no-device", "No device is attached to this person.");
        }

        if (requested == current.Position)
        {
            throw new DomainException("position", "same-position", "The device is already worn in that position.");
        }

        var allowedFrom = since.AddMonths(options.MinimumMonthsInPosition);
        if (why == PositionChangeReason.Comfort && now < allowedFrom)
        {
            throw new DomainException("position", "worn-less-than-a-month",
                $"A change for comfort is allowed after {options.MinimumMonthsInPosition} month(s) in one position: from {allowedFrom:yyyy-MM-dd HH:mm} UTC.");
        }

        var request = New(personId, RequestKind.PositionChange, reason, by, now);
        request.RequestedPosition = requested;
        request.PositionReason = why;
        return request;
    }

    public static WearerRequest TravelReport(Guid personId, string reason, string destination, DateTimeOffset leaves, DateTimeOffset returns,
        Guid by, DateTimeOffset now, RequestOptions options)
    {
        if (string.IsNullOrWhiteSpace(destination))
        {
            throw new DomainException("destination", "required", "A travel report says where the person goes.");
        }

        if (returns <= leaves)
        {
            throw new DomainException("expectedEnd", "before-start", "The return must be after the departure.");
        }

        if (returns - leaves > options.MaximumTravel)
        {
            throw new DomainException("expectedEnd", "too-long", $"One travel report covers at most {options.MaximumTravel.TotalDays:0} days.");
        }

        if (returns <= now)
        {
            throw new DomainException("expectedEnd", "in-the-past", "The return is already past.");
        }

        var request = New(personId, RequestKind.TravelReport, reason, by, now);
        request.Destination = destination.Trim();
        request.StartsAt = leaves;
        request.ExpectedEnd = returns;
        return request;
    }

    public static WearerRequest ScopeChange(Guid personId, string reason, string proposedScopeJson, Guid by, DateTimeOffset now)
    {
        var request = New(personId, RequestKind.ScopeChange, reason, by, now);
        request.ProposedScopeJson = proposedScopeJson;
        return request;
    }

    public static WearerRequest ResidenceChange(Guid personId, string reason, string fromCommune, string toCommune, string newAddress,
        DateTimeOffset expectedMove, Guid by, DateTimeOffset now)
    {
        if (fromCommune == toCommune)
        {
            throw new DomainException("toCommuneCode", "same-commune", "The new commune is the current one; register a scope change instead.");
        }

        var request = New(personId, RequestKind.ResidenceChange, reason, by, now);
        request.FromCommuneCode = fromCommune;
        request.ToCommuneCode = toCommune;
        request.NewAddress = newAddress;
        request.StartsAt = expectedMove;
        return request;
    }

    public static WearerRequest MalfunctionReport(Guid personId, string description, DateTimeOffset discoveredAt, Guid by, DateTimeOffset now)
    {
        if (discoveredAt > now + TimeSpan.FromMinutes(5))
        {
            throw new DomainException("discoveredAt", "in-the-future", "The malfunction cannot have been discovered in the future.");
        }

        var request = New(personId, RequestKind.MalfunctionReport, description, by, now);
        request.DiscoveredAt = discoveredAt;
        return request;
    }

    /// <summary>Whether the malfunction was reported within the deadline after discovery.</summary>
    public bool ReportedWithin(TimeSpan deadline) => DiscoveredAt is { } d && SubmittedAt - d <= deadline;

    public void Approve(Guid by, DateTimeOffset now, string? note) => Decide(RequestStatus.Approved, by, now, note);

    public void Refuse(Guid by, DateTimeOffset now, string note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("note", "required", "A refusal must give its reason.");
        }

        Decide(RequestStatus.Refused, by, now, note);
    }

    public void Withdraw(Guid by, DateTimeOffset now) => Decide(RequestStatus.Withdrawn, by, now, null);

    private void Decide(RequestStatus to, Guid by, DateTimeOffset now, string? note)
    {
        if (Status != RequestStatus.Pending)
        {
            throw new InvalidTransitionException("status", "already-decided",
                $"This request is already {Status.ToString().ToLowerInvariant()}.");
        }

        Status = to;
        DecidedAt = now;
        DecidedBy = by;
        DecisionNote = note;
    }

    private static WearerRequest New(Guid personId, RequestKind kind, string reason, Guid by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("reason", "required", "A request must say why.");
        }

        return new WearerRequest
        {
            PersonId = personId,
            Kind = kind,
            Status = RequestStatus.Pending,
            Reason = reason.Trim(),
            SubmittedAt = now,
            SubmittedBy = by,
        };
    }
}
