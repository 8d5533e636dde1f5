using Microsoft.Playwright;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Web;

/// <summary>
/// Vigil on a real Kestrel (SQLite, embedded MQTT broker, fake clock) and a real headless Chromium driven by Playwright
/// (Debian's <c>chromium</c>, installed by scripts/test.sh; <c>VIGIL_CHROMIUM</c> names another). The browser's clock
/// is fixed to the server's fake clock, so that what the pages compute from "now" agrees with the server.
/// </summary>
public sealed class BrowserFixture : SqliteFixture
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Uncaught script errors and console errors of every page: a test shows them when it fails, and wants none.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> PageErrors { get; } = new();

    private readonly System.Collections.Concurrent.ConcurrentQueue<IBrowserContext> _contexts = new();

    public Uri BaseAddress => Factory.ClientOptions.BaseAddress;

    /// <summary>Where the tests save screenshots of the main screens (docs/screenshots), when <c>VIGIL_SCREENSHOTS</c> names it.</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("VIGIL_SCREENSHOTS") is { Length: > 0 } dir ? dir : null;

    protected override bool UsesKestrel => true;

    protected override async Task StartedAsync()
    {
        // A shared 2-core machine running other suites beside this one: be patient, never sleep.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("VIGIL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // As root the sandbox cannot start; the machine is offline, so Chromium's own network chatter is switched off.
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
        });
    }

    /// <summary>A fresh browser context (its own session storage) at desktop or phone size, its clock at the server's.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1440, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(20_000);
        _contexts.Enqueue(context);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => PageErrors.Enqueue(error);
        page.Console += (_, message) =>
        {
            // A refused API call (404 for another commune's person) is the browser's note, not a script error.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                PageErrors.Enqueue(message.Text);
            }
        };
        await page.Clock.SetFixedTimeAsync(Clock.GetUtcNow().UtcDateTime);
        return page;
    }

    /// <summary>
    /// Closes the pages of a test and forgets their errors. The fake clock jumps between tests (log-ins, device time), and
    /// the server judges its live-feed timeouts on that clock: a page left open would see its connection closed.
    /// </summary>
    public async Task CloseContextsAsync()
    {
        while (_contexts.TryDequeue(out var context))
        {
            await context.CloseAsync();
        }

        PageErrors.Clear();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        }
    }

    protected override async Task CleanUpAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
