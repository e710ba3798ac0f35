using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cognova.Studio.Tests.Browser;

/// <summary>The SQL console, the export download, the diagram, the migrations panel and the theme, in Chromium.</summary>
[Collection(StudioBrowserCollection.Name)]
public sealed class ConsoleDiagramAndMigrationsTests(StudioBrowserFixture fixture)
{
    [Fact]
    public async Task The_console_runs_on_ctrl_enter_shows_exact_text_and_points_at_an_error()
    {
        await using var studio = await fixture.OpenAsync(fixture.ReadOnlyStudio, "#/sql");
        var page = studio.Page;
        var editor = page.Locator("[data-role='sql-text']");
        await editor.FillAsync("select 9007199254740993::bigint as big, 0.1::numeric + 0.2 as sum, null as nothing");
        await editor.PressAsync("Control+Enter");
        await Expect(page.Locator("[data-role='sql-summary']")).ToHaveTextAsync("SELECT: 1 row");
        await Expect(page.Locator("[data-role='sql-output'] tbody td")).ToHaveTextAsync(["9007199254740993", "0.3", "NULL"]);

        await editor.FillAsync("select *\nfrom nowhere");
        await page.Locator("[data-action='run-sql']").ClickAsync();
        await Expect(page.Locator("[data-role='sql-error']")).ToContainTextAsync("42P01");
        await Expect(page.Locator("[data-role='sql-error-position']")).ToHaveTextAsync("line 2: from nowhere\n             ^");
        await studio.ScreenshotAsync("sql-console");

        // The read-only console: PostgreSQL itself refuses the write.
        await editor.FillAsync("""delete from "Tags" """);
        await editor.PressAsync("Control+Enter");
        await Expect(page.Locator("[data-role='sql-error']")).ToContainTextAsync("25006");
        Assert.Equal("12", await fixture.QueryTextAsync("""SELECT count(*) FROM "Tags" """));
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task A_table_export_downloads_whole_values()
    {
        await using var studio = await fixture.OpenAsync(fixture.ReadOnlyStudio, "#/table/public/Posts?filter=Id%3Aeq%3A1");
        var page = studio.Page;
        await Expect(studio.Row("""{"Id":"1"}""")).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-action='export-json']").ClickAsync());
        var path = await download.PathAsync();
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains(BlogDatabase.LongBody, text, StringComparison.Ordinal);
        Assert.DoesNotContain("On keyset paging", text, StringComparison.Ordinal);
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task The_diagram_draws_each_entity_and_its_foreign_keys_and_links_to_the_table()
    {
        await using var studio = await fixture.OpenAsync(fixture.ReadOnlyStudio, "#/diagram");
        var page = studio.Page;
        await Expect(page.Locator("svg.diagram a.entity-box")).ToHaveCountAsync(4);
        await Expect(page.Locator("svg.diagram a[data-entity='Post']")).ToContainTextAsync("AuthorId");
        await Expect(page.Locator("svg.diagram path.relationship")).ToHaveCountAsync(1);
        await studio.ScreenshotAsync("diagram");

        await page.Locator("svg.diagram a[data-entity='Tag']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/table/public/Tags$"));
        await Expect(studio.Row("""{"Id":"1"}""")).ToBeVisibleAsync();
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task The_migrations_panel_shows_applied_and_pending_and_a_reload_keeps_the_view_and_the_theme()
    {
        await using var studio = await fixture.OpenAsync(fixture.ReadOnlyStudio, "#/migrations");
        var page = studio.Page;
        await Expect(page.Locator("[data-migration='20260201000000_AddTags'] .state")).ToHaveTextAsync("applied");
        await Expect(page.Locator("[data-migration='20260301000000_AddEvents'] .state")).ToHaveTextAsync("pending");
        await Expect(page.Locator("section.migrations")).ToContainTextAsync("2 applied, 1 pending");
        await Expect(page.Locator("[data-role='status-hint']")).ToContainTextAsync("dotnet cognova status");

        Assert.Equal("rgb(255, 255, 255)", await BackgroundAsync(page));
        await page.Locator("#theme-toggle").ClickAsync();
        var theme = await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme");
        Assert.Equal("dark", theme);
        Assert.Equal("rgb(21, 24, 30)", await BackgroundAsync(page));
        await studio.ScreenshotAsync("migrations-dark");
        await page.ReloadAsync();
        await Expect(page.Locator("[data-migration='20260301000000_AddEvents'] .state")).ToHaveTextAsync("pending");
        Assert.Equal("dark", await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        Assert.Equal("rgb(21, 24, 30)", await BackgroundAsync(page));
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task A_system_in_dark_mode_gets_the_dark_theme_until_the_toggle_says_otherwise()
    {
        await using var studio = await fixture.OpenAsync(fixture.ReadOnlyStudio, "#/migrations");
        var page = studio.Page;
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Expect(page.Locator("section.migrations")).ToBeVisibleAsync();

        Assert.Equal("rgb(21, 24, 30)", await BackgroundAsync(page));
        await page.EvaluateAsync("() => { document.documentElement.dataset.theme = 'light'; }");
        Assert.Equal("rgb(255, 255, 255)", await BackgroundAsync(page));
        studio.AssertNoScriptProblems();
    }

    private static Task<string> BackgroundAsync(IPage page)
        => page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    [Fact]
    public async Task Handed_the_full_status_report_the_migrations_panel_shows_drift_schema_and_lock()
    {
        await using var studio = await fixture.OpenAsync(fixture.WritableStudio, "#/migrations");
        var section = studio.Page.Locator("section.migrations");
        await Expect(section).ToContainTextAsync("1 change(s) no migration captures:");
        await Expect(section).ToContainTextAsync("Post.Body: a new column");
        await Expect(section).ToContainTextAsync("Matches what the applied migrations create.");
        await Expect(section).ToContainTextAsync("Every migration is locked.");
        await Expect(studio.Page.Locator("[data-role='status-hint']")).ToHaveCountAsync(0);
        studio.AssertNoScriptProblems();
    }
}
