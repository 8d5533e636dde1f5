namespace Vigil.Server.Api;

/// <summary>The caller may not do this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The named thing does not exist, or not within the caller's jurisdiction (404).</summary>
public sealed class NotFoundException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>An If-Match header was missing (428) or did not match the current version (412).</summary>
public sealed class PreconditionException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>Log-in refused (401); <see cref="Code"/> says why without revealing whether the user exists.</summary>
public sealed class UnauthorizedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
