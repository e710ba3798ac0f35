using Microsoft.Playwright;

namespace Cognova.Studio.Tests.Browser;

/// <summary>
/// A page of the studio in its own browser context, with the script errors and Content-Security-Policy
/// violations it reported: a test ends by asserting there were none.
/// </summary>
public sealed class StudioPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];
    private readonly List<string> _consoleErrors = [];

    public StudioPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _problems.Add("script error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _problems.Add("CSP: " + message.Text);
            }
            else if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Goes to a hash route (the way a link or the address bar does).</summary>
    public Task GoAsync(string hash) => Page.EvaluateAsync("hash => { location.hash = hash; }", hash);

    /// <summary>The grid's row with this key, e.g. <c>{"Id":"2"}</c>.</summary>
    public ILocator Row(string keyJson) => Page.Locator($"table.grid tbody tr[data-key='{keyJson}']");

    public ILocator Cell(string keyJson, string column) => Row(keyJson).Locator($"td[data-column='{column}']");

    /// <summary>The value a cell shows (its text, <c>NULL</c> for null), without the foreign-key link beside it.</summary>
    public ILocator CellValue(string keyJson, string column) => Cell(keyJson, column).Locator("> span").First;

    /// <summary>The values of one column as shown, top to bottom.</summary>
    public async Task<IReadOnlyList<string>> ColumnTextsAsync(string column)
        => await Page.Locator($"table.grid tbody tr[data-key] td[data-column='{column}'] > span:first-child").AllInnerTextsAsync();

    public void AssertNoScriptProblems() => Assert.Empty(_problems);

    /// <summary>The script errors and CSP violations so far, for a failure message.</summary>
    public string Problems => string.Join("; ", _problems.Concat(_consoleErrors.Select(e => "console: " + e)).DefaultIfEmpty("no script errors"));

    public Task ScreenshotAsync(string name) => Screenshots.TakeAsync(Page, name);

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
