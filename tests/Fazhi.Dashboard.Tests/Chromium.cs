using Microsoft.Playwright;
using Xunit;

namespace Fazhi.Dashboard.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (browsers cannot be downloaded here, so Playwright's own build is never
/// used). A machine without it fails these tests with a message saying what to install; it never skips them.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("FAZHI_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium was not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"Chromium is not installed at {ExecutablePath}: the dashboard tests need a real browser. "
                + "Install Debian's packages `chromium fonts-noto-cjk` (scripts/infra-up.sh does when they are missing) "
                + "or point FAZHI_CHROMIUM at a Chromium executable.");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true });
    }

    /// <summary>A fresh page (its own context: storage, session) of <paramref name="width"/> CSS pixels.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
