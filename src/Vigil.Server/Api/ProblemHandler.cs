using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigil.Domain;

namespace Vigil.Server.Api;

/// <summary>
/// Maps every error to RFC 9457 problem details in one place. Validation problems carry
/// <c>errors: { field: [reason] }</c> and a stable <c>code</c>; nothing the caller did wrong is ever a 500.
/// </summary>
internal sealed partial class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, field, code) = exception switch
        {
            InvalidTransitionException e => (StatusCodes.Status409Conflict, "The current state does not allow this.", e.Field, e.Code),
            DomainException e => (StatusCodes.Status400BadRequest, "The request is not valid.", e.Field, e.Code),
            NotFoundException e => (StatusCodes.Status404NotFound, "Not found.", e.Field, "not-found"),
            UnauthorizedException e => (StatusCodes.Status401Unauthorized, "Unauthorized.", null, e.Code),
            ForbiddenException => (StatusCodes.Status403Forbidden, "Forbidden.", null, "forbidden"),
            PreconditionException e => (e.Status, "Precondition failed.", "If-Match", "version-mismatch"),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "The record was changed by someone else; reload and try again.", null, "concurrent-edit"),
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, "The request body is not valid.", FieldOf(json.Path), "malformed-body"),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } e => (e.StatusCode, "Unsupported media type.", "Content-Type", "unsupported-media-type"),
            BadHttpRequestException e => (e.StatusCode, "The request is not valid.", ParameterOf(e.Message), "bad-request"),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null, "internal-error"),
        };

        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.Unhandled(exception, context.Request.Method, context.Request.Path);
        }

        var detail = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => json.Message,
            _ when status == StatusCodes.Status500InternalServerError => null,
            _ => exception.Message,
        };
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail ?? title] };
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>'Failed to bind parameter "Guid id" from "x".' → "id"; null when the message names no parameter.</summary>
    private static string? ParameterOf(string message) =>
        message.Contains("body", StringComparison.OrdinalIgnoreCase) ? "body"
        : BindFailure().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("""parameter "(?:[^"]* )?(\w+)" """)]
    private static partial Regex BindFailure();

    /// <summary>"$.zones[0].kind" → "zones[0].kind".</summary>
    private static string FieldOf(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
}
