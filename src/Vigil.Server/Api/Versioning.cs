using System.Globalization;

namespace Vigil.Server.Api;

/// <summary>
/// Optimistic concurrency over HTTP: reads return the row version as an ETag; edits must send it back in
/// If-Match. A missing header is 428, a stale one 412 — never a silent overwrite.
/// </summary>
internal static class Versioning
{
    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(this HttpContext context, long version) => context.Response.Headers.ETag = ETag(version);

    public static void RequireVersion(this HttpContext context, long current)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            throw new PreconditionException(StatusCodes.Status428PreconditionRequired,
                "Send the ETag you read in an If-Match header, so that a concurrent change is not overwritten.");
        }

        if (ifMatch.Trim().TrimStart('W', '/') != ETag(current))
        {
            throw new PreconditionException(StatusCodes.Status412PreconditionFailed,
                $"The record has changed since you read it (now version {current}); reload and try again.");
        }
    }
}
