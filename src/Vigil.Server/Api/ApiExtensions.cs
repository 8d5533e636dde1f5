using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Scalar.AspNetCore;

namespace Vigil.Server.Api;

public static class ApiExtensions
{
    /// <summary>JSON conventions, problem details for every error, and the OpenAPI description.</summary>
    public static IHostApplicationBuilder AddVigilApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemHandler>();
        builder.Services.AddRequestTimeouts();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Vigil API";
            document.Info.Description = "Electronic monitoring for community drug rehabilitation. Log in at /api/v1/auth/login, "
                + "then send the access token as a bearer token. Errors are RFC 9457 problem details naming the field.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.RespectNullableAnnotations = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
    }

    /// <summary>Every API area under /api/v1, the OpenAPI document at /openapi/v1.json and its browsable page at /scalar.</summary>
    public static WebApplication MapVigilApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestTimeouts();

        var api = app.MapGroup("/api/v1");
        api.MapAuthEndpoints();
        api.MapJurisdictionEndpoints();
        api.MapUserEndpoints();
        api.MapPersonEndpoints();
        api.MapDecisionEndpoints();
        api.MapScopeEndpoints();
        api.MapDeviceEndpoints();
        api.MapRecordEndpoints();
        api.MapRequestEndpoints();
        api.MapHotspotEndpoints();
        api.MapNotificationEndpoints();
        api.MapAuditEndpoints();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.DefaultFonts = false).AllowAnonymous(); // no font CDN: the machines are offline
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/scalar")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Bodies larger than the default 1 MiB (imports).</summary>
    public static TBuilder AllowLargeBody<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));
}
