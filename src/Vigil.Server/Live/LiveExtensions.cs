using Vigil.Server.Security;

namespace Vigil.Server.Live;

public static class LiveExtensions
{
    /// <summary>SignalR, the live feed's options (validated at start), its authorization policy and <see cref="LiveFeed"/>.</summary>
    public static IHostApplicationBuilder AddVigilLive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section)
            .Validate(o => o.PositionThrottleSeconds is >= 0 and <= 3600, "Live:PositionThrottleSeconds must be 0 to 3600.")
            .ValidateOnStart();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(LiveHub.Policy, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(VigilClaims.Role, Access.CaseReaders.Select(r => r.ToString())));
        return builder;
    }

    /// <summary>The hub at <c>/hubs/live</c>, open to case readers only (the token may come as <c>?access_token=</c>).</summary>
    public static WebApplication MapVigilLive(this WebApplication app)
    {
        app.MapHub<LiveHub>(LiveHub.Path).RequireAuthorization(LiveHub.Policy);
        return app;
    }
}
