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
        builder.Services.AddOptions<DecisionOptions>().BindConfiguration("Decisions");
        builder.Services.AddOptions<RequestOptions>().BindConfiguration("Requests");
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
