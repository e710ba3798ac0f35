using Microsoft.Playwright;

namespace Cognova.Studio.Tests.Browser;

/// <summary>
/// Debian's Chromium, driven by Playwright (which cannot download its own browser builds here). A machine
/// without it fails the browser tests with the command that installs it; .ci/run installs it.
/// </summary>
internal static class Chromium
{
    /// <summary>Where the browser is: <c>COGNOVA_CHROMIUM</c> when set, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("COGNOVA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The studio's browser tests need Chromium at {ExecutablePath}, and it is not there. "
                + "Install it with: apt-get install chromium (.ci/run does this), or point COGNOVA_CHROMIUM at a Chromium binary.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Containers and CI runners often run as root, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        }).ConfigureAwait(false);
    }
}
