namespace Vigil.Domain.Requests;

public enum RequestStatus
{
    Pending,
    Approved,
    Refused,
    Withdrawn,
}
