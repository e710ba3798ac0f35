using Cognova.Build.Testing;
using Microsoft.Playwright;

namespace Cognova.Studio.Tests.Browser;

/// <summary>The browser tests' screenshots, kept as test artifacts under <c>artifacts/screenshots/</c> (git-ignored).</summary>
internal static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    public static async Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true }).ConfigureAwait(false);
    }
}
