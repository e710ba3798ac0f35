using static Microsoft.Playwright.Assertions;

namespace Cognova.Studio.Tests.Browser;

/// <summary>Reading the database through the studio's page in Chromium: the grid, sorting, filtering, paging, relations, time zones.</summary>
[Collection(StudioBrowserCollection.Name)]
public sealed class BrowsingTests(StudioBrowserFixture fixture)
{
    [Fact]
    public async Task The_grid_shows_a_table_of_the_model_with_its_CSharp_names_and_PostgreSQL_text()
    {
        await using var studio = await fixture.OpenAsync(fixture.ReadOnlyStudio, "#/table/public/Authors");
        var page = studio.Page;

        // The sidebar groups by context and schema, the C# name beside the SQL name, views and other schemas too.
        var context = page.Locator("#sidebar details[data-context='BlogContext']");
        await Expect(context.Locator("a[data-table='public.Authors']")).ToContainTextAsync("Author");
        await Expect(context.Locator("a[data-table='archive.Events']")).ToContainTextAsync("ArchivedEvent");
        await Expect(page.Locator("#sidebar a[data-table='public.AuthorNames']")).ToContainTextAsync("view");

        // Exact numbers as PostgreSQL writes them: a bigint past 2^53 and a numeric a double would round.
        await Expect(studio.CellValue("""{"Id":"2"}""", "Followers")).ToHaveTextAsync("9007199254740993");
        await Expect(studio.CellValue("""{"Id":"3"}""", "Rating")).ToHaveTextAsync("83261.85");
        await Expect(studio.CellValue("""{"Id":"3"}""", "Followers")).ToHaveTextAsync("-42");
        await Expect(page.Locator("th[data-column='Followers']")).ToContainTextAsync("bigint");
        await Expect(page.Locator("[data-role='count']")).ToContainTextAsync("estimate");
        await studio.ScreenshotAsync("grid");

        // A row's own link: the table filtered to its key, the row marked; the address survives a reload.
        await studio.Row("""{"Id":"3"}""").Locator("a[title='Link to this row']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("row=%7B%22Id%22%3A%223%22%7D"));
        await page.ReloadAsync();
        await Expect(page.Locator("table.grid tbody tr[data-key]")).ToHaveCountAsync(1);
        await Expect(studio.Row("""{"Id":"3"}""")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("highlight"));

        // A long value arrives truncated with an ellipsis; a click fetches it whole.
        await studio.GoAsync("#/table/public/Posts");
        await Expect(studio.CellValue("""{"Id":"4"}""", "Data")).ToHaveTextAsync("NULL");
        var body = studio.Cell("""{"Id":"1"}""", "Body");
        await Expect(body).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("truncated"));
        await Expect(body.Locator(".ellipsis")).ToHaveTextAsync("…");
        await body.ClickAsync();
        await Expect(page.Locator("[data-role='full-value']")).ToHaveTextAsync(BlogDatabase.LongBody);
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task Sorting_and_filtering_happen_on_the_server_and_the_address_keeps_them()
    {
        await using var studio = await fixture.OpenAsync(fixture.ReadOnlyStudio, "#/table/public/Tags");
        var page = studio.Page;
        await Expect(studio.Row("""{"Id":"1"}""")).ToBeVisibleAsync();

        await page.Locator("th[data-column='Name']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=Name%3Aasc"));
        await Expect(page.Locator("table.grid tbody tr[data-key]").First).ToHaveAttributeAsync("data-key", """{"Id":"9"}""");
        Assert.Equal(["async", "css", "docker", "dotnet", "ef-core", "git", "html", "http", "json", "linq", "postgres", "sql"], await studio.ColumnTextsAsync("Name"));

        await page.Locator("th[data-column='Name']").ClickAsync();
        await Expect(page.Locator("table.grid tbody tr[data-key]").First).ToHaveAttributeAsync("data-key", """{"Id":"1"}""");
        Assert.Equal("sql", (await studio.ColumnTextsAsync("Name"))[0]);

        // A numeric filter compares numbers (as the column's type), not text: 10.00 > 9.50 > 5.00 would fail as text.
        await page.Locator("[data-role='filter-column']").SelectOptionAsync("Weight");
        await page.Locator("[data-role='filter-op']").SelectOptionAsync("ge");
        await page.Locator("[data-role='filter-value']").FillAsync("5");
        await page.Locator("[data-action='add-filter']").ClickAsync();
        await Expect(page.Locator(".chip[data-filter='Weight:ge']")).ToBeVisibleAsync();
        await Expect(page.Locator("table.grid tbody tr[data-key]")).ToHaveCountAsync(5);
        Assert.Equal(["sql", "postgres", "linq", "ef-core", "dotnet"], await studio.ColumnTextsAsync("Name"));

        // A text filter: contains, case-insensitive.
        await page.Locator("[data-role='filter-column']").SelectOptionAsync("Name");
        await page.Locator("[data-role='filter-op']").SelectOptionAsync("contains");
        await page.Locator("[data-role='filter-value']").FillAsync("T");
        await page.Locator("[data-action='add-filter']").ClickAsync();
        await Expect(page.Locator("table.grid tbody tr[data-key]")).ToHaveCountAsync(2);
        Assert.Equal(["postgres", "dotnet"], await studio.ColumnTextsAsync("Name"));

        // The address holds the view: a reload shows the same rows.
        await page.ReloadAsync();
        await Expect(page.Locator("table.grid tbody tr[data-key]")).ToHaveCountAsync(2);
        Assert.Equal(["postgres", "dotnet"], await studio.ColumnTextsAsync("Name"));
        await studio.ScreenshotAsync("sort-and-filter");
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task A_million_row_table_opens_deep_through_keyset_paging_and_counts_exactly_on_demand()
    {
        await using var studio = await fixture.OpenAsync(fixture.ReadOnlyStudio, "#/table/archive/Events");
        var page = studio.Page;
        await Expect(studio.Row("""{"Id":"1"}""")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-role='count']")).ToContainTextAsync("≈ 1,000,000 rows");
        await page.Locator("[data-action='count']").ClickAsync();
        await Expect(page.Locator("[data-role='count']")).ToHaveTextAsync("1,000,000 rows (exact)");

        // Deep into the table: the key's lower bound, then the next page after it by the cursor.
        await page.Locator("[data-role='jump-value']").FillAsync("999900");
        await page.Locator("[data-action='jump']").ClickAsync();
        await Expect(studio.CellValue("""{"Id":"999900"}""", "Label")).ToHaveTextAsync("event 999900");
        await Expect(page.Locator("table.grid tbody tr[data-key]")).ToHaveCountAsync(50);
        await page.Locator("[data-action='load-more']").ClickAsync();
        await Expect(page.Locator("table.grid tbody tr[data-key]")).ToHaveCountAsync(100);
        await Expect(studio.CellValue("""{"Id":"999999"}""", "Label")).ToHaveTextAsync("event 999999");
        await Expect(page.Locator("[data-action='load-more']")).ToBeVisibleAsync();
        await page.Locator("[data-action='load-more']").ClickAsync();
        await Expect(studio.CellValue("""{"Id":"1000000"}""", "Label")).ToHaveTextAsync("event 1000000");
        await Expect(page.Locator("[data-role='loaded']")).ToHaveTextAsync("101 rows loaded (all)");

        // The last rows, newest first.
        await page.Locator("[data-action='last']").ClickAsync();
        await Expect(page.Locator("table.grid tbody tr[data-key]").First).ToHaveAttributeAsync("data-key", """{"Id":"1000000"}""");

        await page.Locator("[data-action='count']").ClickAsync();
        await Expect(page.Locator("[data-role='count']")).ToHaveTextAsync("101 rows match the filters (exact)");
        await studio.ScreenshotAsync("million-rows");
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task A_foreign_key_leads_to_its_row_and_a_row_to_the_rows_that_reference_it()
    {
        await using var studio = await fixture.OpenAsync(fixture.ReadOnlyStudio, "#/table/public/Posts");
        var page = studio.Page;

        // Post 2's author is Bob (Id 2): the link opens Authors filtered to that key.
        await studio.Cell("""{"Id":"2"}""", "AuthorId").Locator("a.fk-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/table/public/Authors\\?filter=Id%3Aeq%3A2$"));
        await Expect(page.Locator("table.grid tbody tr[data-key]")).ToHaveCountAsync(1);
        await Expect(studio.CellValue("""{"Id":"2"}""", "Name")).ToHaveTextAsync("Bob");

        // And back: Bob's posts, through the navigation the model names (Author.Posts).
        var children = studio.Row("""{"Id":"2"}""").Locator("a.child-link[data-child='Posts']");
        await Expect(children).ToHaveTextAsync("Posts");
        await children.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/table/public/Posts\\?filter=AuthorId%3Aeq%3A2$"));
        await Expect(page.Locator("table.grid tbody tr[data-key]")).ToHaveCountAsync(2);
        Assert.Equal(["On keyset paging", "Second by Bob"], await studio.ColumnTextsAsync("Title"));
        await studio.ScreenshotAsync("relations");
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task A_browser_in_another_time_zone_shows_timestamps_as_PostgreSQL_writes_them()
    {
        await using var studio = await fixture.OpenAsync(fixture.ReadOnlyStudio, "#/table/public/Posts", timeZone: "Pacific/Honolulu");
        Assert.Equal("Pacific/Honolulu", await studio.Page.EvaluateAsync<string>("() => Intl.DateTimeFormat().resolvedOptions().timeZone"));

        foreach (var id in new[] { 1, 2 })
        {
            var key = $$"""{"Id":"{{id}}"}""";
            var published = await fixture.QueryTextAsync($"""SELECT "PublishedAt"::text FROM "Posts" WHERE "Id" = {id}""");
            var written = await fixture.QueryTextAsync($"""SELECT "WrittenAt"::text FROM "Posts" WHERE "Id" = {id}""");
            await Expect(studio.CellValue(key, "PublishedAt")).ToHaveTextAsync(published!);
            await Expect(studio.CellValue(key, "WrittenAt")).ToHaveTextAsync(written!);
        }

        // Microseconds survive (a JS Date keeps milliseconds only).
        await Expect(studio.CellValue("""{"Id":"2"}""", "WrittenAt")).ToHaveTextAsync("2026-06-15 23:45:10.123456");
        await studio.ScreenshotAsync("time-zone-honolulu");
        studio.AssertNoScriptProblems();
    }
}
