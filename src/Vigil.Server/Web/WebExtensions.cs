using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Vigil.Server.Web;

/// <summary>
/// The officer console (<c>/</c>) and the wearer app (<c>/wearer/</c>): static files built from src/Vigil.Web into
/// wwwroot, served by Vigil itself (no CDN), and the map settings they read at <c>/web/config.json</c>.
/// </summary>
public static class WebExtensions
{
    public static IHostApplicationBuilder AddVigilWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section)
            .Validate(o => o.TileUrl.Length == 0 || (Uri.TryCreate(o.TileUrl.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal),
                UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"), "Map:TileUrl must be empty or an absolute http(s) URL template.")
            .ValidateOnStart();
        return builder;
    }

    public static WebApplication MapVigilWeb(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // The bundles keep their names between versions: the browser revalidates (ETag) instead of guessing.
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        app.MapGet("/web/config.json", (IOptions<MapOptions> map) => new WebConfig(map.Value.TileUrl, map.Value.TileAttribution))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

/// <summary>What the browser apps need to know before log-in: the base map only.</summary>
public sealed record WebConfig(string TileUrl, string TileAttribution);
