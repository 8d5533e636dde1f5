using Microsoft.AspNetCore.Http.Metadata;

namespace Vigil.Server.Api;

/// <summary>
/// Refuses a body whose declared length is over the endpoint's limit (1 MiB unless the endpoint says more)
/// with a 413 problem before reading it. Kestrel enforces the same limit on bodies without a length.
/// </summary>
internal sealed class RequestSizeLimit(RequestDelegate next)
{
    public const long DefaultBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBytes;
        if (context.Request.ContentLength > limit)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
                detail: $"The body is {context.Request.ContentLength} bytes; this endpoint takes at most {limit}.",
                extensions: new Dictionary<string, object?> { ["code"] = "body-too-large", ["errors"] = new Dictionary<string, string[]> { ["body"] = [$"At most {limit} bytes."] } })
                .ExecuteAsync(context);
        }

        return next(context);
    }
}
