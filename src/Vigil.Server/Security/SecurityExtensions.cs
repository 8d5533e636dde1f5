using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Vigil.Domain.Decisions;
using Vigil.Domain.Requests;
using Vigil.Server.Audit;

namespace Vigil.Server.Security;

public static class SecurityExtensions
{
    /// <summary>Bearer tokens, a fallback policy that requires log-in everywhere, the caller's identity, and the audit log.</summary>
    public static IHostApplicationBuilder AddVigilSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DecisionOptions>().BindConfiguration("Decisions")
            .Validate(o => o.MaximumDurationMonths is >= 1 and <= 24, "Decisions:MaximumDurationMonths must be 1 to 24 (the law's maximum).")
            .Validate(o => o.StandardDurationsMonths.Count > 0 && o.StandardDurationsMonths.All(m => m >= 1 && m <= o.MaximumDurationMonths),
                "Decisions:StandardDurationsMonths must be non-empty and within 1 to Decisions:MaximumDurationMonths.")
            .Validate(o => o.MinimumAge >= 0 && o.MinimumAge <= o.AdultAge, "Decisions:MinimumAge must be between 0 and Decisions:AdultAge.")
            .ValidateOnStart();
        builder.Services.AddOptions<RequestOptions>().BindConfiguration("Requests")
            .Validate(o => o.MinimumMonthsInPosition is >= 0 and <= 24, "Requests:MinimumMonthsInPosition must be 0 to 24.")
            .Validate(o => o.MaximumRemoval > TimeSpan.Zero, "Requests:MaximumRemoval must be positive.")
            .Validate(o => o.MaximumTravel > TimeSpan.Zero, "Requests:MaximumTravel must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SigningKey>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<Access>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AuditVerifier>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<SigningKey, TimeProvider>((o, key, clock) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = TokenService.ValidationParameters(key, clock);
            o.Events = new JwtBearerEvents
            {
                // Browsers cannot set headers on WebSocket and server-sent-event requests: on the hubs only, the
                // token may come as ?access_token=. Everywhere else it must be the Authorization header.
                OnMessageReceived = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal)
                        && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                },
                // The second-step token proves only the password; it must not open the API.
                OnTokenValidated = context =>
                {
                    if (context.Principal?.FindFirst(VigilClaims.Purpose)?.Value != VigilClaims.AccessPurpose)
                    {
                        context.Fail("Not an access token.");
                    }

                    return Task.CompletedTask;
                },
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
