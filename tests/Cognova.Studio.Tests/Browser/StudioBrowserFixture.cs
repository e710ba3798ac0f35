using Cognova.Build.Testing.Postgres;
using Microsoft.Playwright;
using Npgsql;

namespace Cognova.Studio.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class StudioBrowserCollection : ICollectionFixture<StudioBrowserFixture>
{
    public const string Name = "Studio in a browser";
}

/// <summary>
/// One throw-away PostgreSQL database (<see cref="BlogDatabase"/>), two studios on it served in this process
/// (read-only, as started without --write, and writable), and Chromium driven by Playwright.
/// </summary>
public sealed class StudioBrowserFixture : IAsyncLifetime
{
    private PostgresServer? _postgres;
    private IPlaywright? _playwright;

    public string ConnectionString { get; private set; } = "";

    public StudioServer ReadOnlyStudio { get; private set; } = null!;

    public StudioServer WritableStudio { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Generous upper bounds for waiting on a busy machine; the tests assert what shows, never how fast.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);

        _postgres = await PostgresServer.StartAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync("studio_browser");
        await BlogDatabase.CreateAsync(ConnectionString);
        var model = BlogDatabase.ModelJson();
        ReadOnlyStudio = await StudioServer.StartAsync(new StudioOptions { ConnectionString = ConnectionString, ModelJson = model, MigrationsJson = BlogDatabase.HistoryJson });
        WritableStudio = await StudioServer.StartAsync(new StudioOptions { ConnectionString = ConnectionString, ModelJson = model, MigrationsJson = BlogDatabase.StatusJson, Writable = true });
    }

    /// <summary>
    /// A fresh browser context (its own cookies) that opened the studio's printed URL and waited for the page to
    /// load; then the route <paramref name="hash"/> (e.g. <c>#/table/public/Tags</c>) when given.
    /// </summary>
    public async Task<StudioPage> OpenAsync(StudioServer studio, string? hash = null, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            TimezoneId = timeZone,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var studioPage = new StudioPage(context, page);
        await page.GotoAsync(studio.Url);
        try
        {
            await Assertions.Expect(page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException(
                $"The studio's page did not finish loading ({studioPage.Problems}); it shows: {await page.InnerTextAsync("body")}", e);
        }
        if (hash is not null)
        {
            await studioPage.GoAsync(hash);
        }

        return studioPage;
    }

    public async Task<string?> QueryTextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync()) is { } value and not DBNull ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (WritableStudio is not null)
        {
            await WritableStudio.DisposeAsync();
        }

        if (ReadOnlyStudio is not null)
        {
            await ReadOnlyStudio.DisposeAsync();
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _postgres?.Dispose();
    }
}
