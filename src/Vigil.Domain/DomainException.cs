namespace Vigil.Domain;

/// <summary>
/// A rule of the domain was broken. <see cref="Field"/> names the input at fault (camelCase, as in the API)
/// and <see cref="Code"/> is a stable machine-readable reason; the message says it in words.
/// </summary>
public class DomainException(string field, string code, string message) : Exception(message)
{
    public string Field { get; } = field;

    public string Code { get; } = code;
}

/// <summary>A transition the current state does not allow (HTTP 409).</summary>
public sealed class InvalidTransitionException(string field, string code, string message)
    : DomainException(field, code, message);
