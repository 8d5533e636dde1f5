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
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Minimal APIs answer a wrong media type with a bare 415: say which header is at fault.
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && !context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                context.ProblemDetails.Detail ??= "Send the body as application/json.";
                context.ProblemDetails.Extensions["code"] = "unsupported-media-type";
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = ["Send the body as application/json."] };
            }
        });
        // Bad bodies and parameters throw in every environment, so that the problem names the field.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
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
        options.Converters.Add(new StrictEnumConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)); // never reached for reading; tells OpenAPI that enums are strings
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
        Alerts.AlertEndpoints.MapAlertEndpoints(api);
        Ingestion.TelemetryEndpoints.MapTelemetryEndpoints(api);
        Tracking.TrackingEndpoints.MapTrackingEndpoints(api);
        Intelligence.IntelligenceExtensions.MapIntelligenceEndpoints(api);

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.DefaultFonts = false).AllowAnonymous(); // no font CDN: the machines are offline
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }

    /// <summary>Bodies larger than the default 1 MiB (imports).</summary>
    public static TBuilder AllowLargeBody<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));
}
