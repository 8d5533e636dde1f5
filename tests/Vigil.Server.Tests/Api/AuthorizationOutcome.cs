namespace Vigil.Server.Tests.Api;

/// <summary>The class of answer a cell of the authorization matrix expects (or got).</summary>
public enum AuthorizationOutcome
{
    /// <summary>
    /// Past authorization: 2xx, or a validation, state or precondition answer (400, 409, 412, 428) to a deliberately
    /// harmless body. When the row names a marker, a 2xx answer contains it (the caller sees the target).
    /// </summary>
    Allowed,

    /// <summary>A 2xx list that does not contain the row's marker: the target was filtered out.</summary>
    Filtered,

    /// <summary>400 with code <c>outside-jurisdiction</c>: a write aimed at a unit or commune the caller does not hold.</summary>
    OutsideJurisdiction,

    /// <summary>403: the role may not do this.</summary>
    Forbidden,

    /// <summary>404: the target is outside the caller's jurisdiction, so it does not exist for them.</summary>
    Hidden,

    /// <summary>401: no (valid) bearer token.</summary>
    Unauthenticated,

    /// <summary>Anything else (5xx, 405, 415…): never expected.</summary>
    Unexpected,
}
