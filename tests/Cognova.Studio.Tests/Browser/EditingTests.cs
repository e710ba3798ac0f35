using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Cognova.Studio.Tests.Browser;

/// <summary>Changing data through the page: staged edits, the SQL preview, one transaction, conflicts, JSON values, read-only.</summary>
[Collection(StudioBrowserCollection.Name)]
public sealed class EditingTests(StudioBrowserFixture fixture)
{
    [Fact]
    public async Task Staged_edits_are_saved_in_one_transaction_and_read_back_exactly_from_the_database()
    {
        await using var studio = await fixture.OpenAsync(fixture.WritableStudio, "#/table/public/Authors");
        var page = studio.Page;
        const string dave = """{"Id":"4"}""";
        await Expect(page.Locator("#mode")).ToHaveTextAsync("Writable");

        await EditAsync(studio, dave, "Name", "Dave Jones");
        // Past 2^53 and negative: a JS number would change both.
        await EditAsync(studio, dave, "Followers", "-9007199254740993");
        await EditAsync(studio, dave, "Rating", "83261.85");
        await studio.Cell(dave, "Mood").ClickAsync();
        await page.Locator("form.editor select[name='value']").SelectOptionAsync("calm");
        await page.Locator("[data-action='stage-value']").ClickAsync();

        await Expect(studio.Cell(dave, "Name")).ToHaveClassAsync(new Regex("staged"));
        await Expect(page.Locator("td.staged")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-action='save']")).ToHaveTextAsync("Save 1 change");
        Assert.Equal("Dave", await fixture.QueryTextAsync("""SELECT "Name" FROM "Authors" WHERE "Id" = 4"""));

        await page.Locator("[data-action='save']").ClickAsync();
        var preview = page.Locator("[data-role='preview-sql']");
        await Expect(preview).ToContainTextAsync("UPDATE");
        await Expect(preview).ToContainTextAsync("Dave Jones");
        await studio.ScreenshotAsync("save-preview");
        await page.Locator("[data-action='apply']").ClickAsync();
        await Expect(page.Locator("[data-role='status']")).ToContainTextAsync("1 change applied");
        await Expect(page.Locator("td.staged")).ToHaveCountAsync(0);

        Assert.Equal("Dave Jones", await fixture.QueryTextAsync("""SELECT "Name" FROM "Authors" WHERE "Id" = 4"""));
        Assert.Equal("-9007199254740993", await fixture.QueryTextAsync("""SELECT "Followers"::text FROM "Authors" WHERE "Id" = 4"""));
        Assert.Equal("83261.85", await fixture.QueryTextAsync("""SELECT "Rating"::text FROM "Authors" WHERE "Id" = 4"""));
        Assert.Equal("calm", await fixture.QueryTextAsync("""SELECT "Mood"::text FROM "Authors" WHERE "Id" = 4"""));
        await Expect(studio.CellValue(dave, "Followers")).ToHaveTextAsync("-9007199254740993");
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task A_foreign_key_is_picked_by_searching_the_referenced_table()
    {
        await using var studio = await fixture.OpenAsync(fixture.WritableStudio, "#/table/public/Posts");
        var page = studio.Page;
        const string post = """{"Id":"1"}""";
        await Expect(studio.CellValue(post, "AuthorId")).ToHaveTextAsync("1");

        await studio.Cell(post, "AuthorId").ClickAsync();
        var picker = page.Locator("form.editor fieldset.picker");
        await picker.Locator("select").SelectOptionAsync("Name");
        await picker.Locator("input[type='search']").FillAsync("fra");
        await Expect(picker.Locator("button[data-pick]")).ToHaveCountAsync(1);
        await Expect(picker.Locator("button[data-pick='6']")).ToContainTextAsync("Frank");
        await studio.ScreenshotAsync("foreign-key-picker");
        await picker.Locator("button[data-pick='6']").ClickAsync();
        await Expect(page.Locator("form.editor input[name='value']")).ToHaveValueAsync("6");
        await page.Locator("[data-action='stage-value']").ClickAsync();

        await page.Locator("[data-action='save']").ClickAsync();
        await page.Locator("[data-action='apply']").ClickAsync();
        await Expect(page.Locator("[data-role='status']")).ToContainTextAsync("1 change applied");
        Assert.Equal("6", await fixture.QueryTextAsync("""SELECT "AuthorId"::text FROM "Posts" WHERE "Id" = 1"""));
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task A_new_row_is_inserted_with_its_defaults_and_then_deleted()
    {
        await using var studio = await fixture.OpenAsync(fixture.WritableStudio, "#/table/public/Authors");
        var page = studio.Page;
        await Expect(studio.Row("""{"Id":"1"}""")).ToBeVisibleAsync();

        await page.Locator("[data-action='add-row']").ClickAsync();
        var newRow = page.Locator("tr.new-row");
        await Expect(newRow.Locator("td[data-column='Id']")).ToHaveTextAsync("DEFAULT");
        await newRow.Locator("td[data-column='Name']").ClickAsync();
        await page.Locator("form.editor [name='value']").FillAsync("Grace");
        await page.Locator("[data-action='stage-value']").ClickAsync();
        await newRow.Locator("td[data-column='Rating']").ClickAsync();
        await page.Locator("[data-action='stage-null']").ClickAsync();
        await Expect(page.Locator("[data-action='save']")).ToHaveTextAsync("Save 1 change");
        await page.Locator("[data-action='save']").ClickAsync();
        await Expect(page.Locator("[data-role='preview-sql']")).ToContainTextAsync("INSERT");
        await page.Locator("[data-action='apply']").ClickAsync();
        await Expect(page.Locator("[data-role='status']")).ToContainTextAsync("1 change applied");
        var id = await fixture.QueryTextAsync("""SELECT "Id"::text FROM "Authors" WHERE "Name" = 'Grace' AND "Rating" IS NULL""");
        Assert.NotNull(id);

        var key = $$"""{"Id":"{{id}}"}""";
        await studio.Row(key).Locator("[data-action='delete-row']").ClickAsync();
        await Expect(studio.Row(key)).ToHaveClassAsync(new Regex("deleted"));
        await page.Locator("[data-action='save']").ClickAsync();
        await Expect(page.Locator("[data-role='preview-sql']")).ToContainTextAsync("DELETE");
        await page.Locator("[data-action='apply']").ClickAsync();
        await Expect(page.Locator("[data-role='status']")).ToContainTextAsync("1 change applied");
        await Expect(studio.Row(key)).ToHaveCountAsync(0);
        Assert.Null(await fixture.QueryTextAsync("""SELECT "Id"::text FROM "Authors" WHERE "Name" = 'Grace'"""));
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task A_row_changed_behind_the_page_is_reported_as_a_conflict_and_not_overwritten()
    {
        await using var studio = await fixture.OpenAsync(fixture.WritableStudio, "#/table/public/Authors");
        var page = studio.Page;
        const string erin = """{"Id":"5"}""";
        await Expect(studio.CellValue(erin, "Name")).ToHaveTextAsync("Erin");

        // Someone else changes the row after the page read it (its xmin moves on).
        await fixture.ExecuteAsync("""UPDATE "Authors" SET "Name" = 'Erin (changed elsewhere)' WHERE "Id" = 5""");

        await EditAsync(studio, erin, "Name", "Erin from the page");
        await page.Locator("[data-action='save']").ClickAsync();
        await page.Locator("[data-action='apply']").ClickAsync();
        var conflict = page.Locator("[data-role='conflict']");
        await Expect(conflict).ToContainTextAsync("Conflict in the update of row Id=5");
        await Expect(studio.Cell(erin, "Name")).ToHaveClassAsync(new Regex("staged"));
        await studio.ScreenshotAsync("conflict");
        Assert.Equal("Erin (changed elsewhere)", await fixture.QueryTextAsync("""SELECT "Name" FROM "Authors" WHERE "Id" = 5"""));

        // The way out: drop the edit and see what the other writer saved.
        await page.Locator("[data-action='reload-conflict']").ClickAsync();
        await Expect(studio.CellValue(erin, "Name")).ToHaveTextAsync("Erin (changed elsewhere)");
        await Expect(page.Locator("td.staged")).ToHaveCountAsync(0);
        Assert.Equal("Erin (changed elsewhere)", await fixture.QueryTextAsync("""SELECT "Name" FROM "Authors" WHERE "Id" = 5"""));
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task A_JSON_string_value_shows_as_JSON_and_saves_as_a_JSON_string()
    {
        await using var studio = await fixture.OpenAsync(fixture.WritableStudio, "#/table/public/Posts");
        var page = studio.Page;
        const string post = """{"Id":"3"}""";
        await Expect(studio.CellValue(post, "Data")).ToHaveTextAsync("\"hello\"");

        // An identity ALWAYS column is the database's to set: no editor opens.
        await studio.Cell(post, "Id").ClickAsync();
        await Expect(page.Locator("form.editor")).ToHaveCountAsync(0);

        await studio.Cell(post, "Data").ClickAsync();
        var editor = page.Locator("form.editor textarea[name='value']");
        await Expect(editor).ToHaveValueAsync("\"hello\"");

        // Bare text is not JSON: the editor says so and stages nothing.
        await editor.FillAsync("goodbye");
        await page.Locator("[data-action='stage-value']").ClickAsync();
        await Expect(page.Locator("form.editor .error")).ToContainTextAsync("JSON");
        await editor.FillAsync("\"goodbye\"");
        await page.Locator("[data-action='stage-value']").ClickAsync();
        await Expect(studio.Cell(post, "Data")).ToHaveClassAsync(new Regex("staged"));

        await page.Locator("[data-action='save']").ClickAsync();
        await page.Locator("[data-action='apply']").ClickAsync();
        await Expect(page.Locator("[data-role='status']")).ToContainTextAsync("1 change applied");

        Assert.Equal("\"goodbye\"", await fixture.QueryTextAsync("""SELECT "Data"::text FROM "Posts" WHERE "Id" = 3"""));
        Assert.Equal("string", await fixture.QueryTextAsync("""SELECT jsonb_typeof("Data") FROM "Posts" WHERE "Id" = 3"""));
        await Expect(studio.CellValue(post, "Data")).ToHaveTextAsync("\"goodbye\"");
        studio.AssertNoScriptProblems();
    }

    [Fact]
    public async Task A_read_only_studio_offers_no_edits_and_refuses_a_forced_write()
    {
        await using var studio = await fixture.OpenAsync(fixture.ReadOnlyStudio, "#/table/public/Authors");
        var page = studio.Page;
        await Expect(page.Locator("#mode")).ToHaveTextAsync("Read-only");
        await Expect(studio.CellValue("""{"Id":"1"}""", "Name")).ToHaveTextAsync("Alice");
        await Expect(page.Locator("[data-role='readonly-reason']")).ToHaveTextAsync("read-only");
        await Expect(page.Locator("[data-action='save'], [data-action='add-row'], [data-action='delete-row']")).ToHaveCountAsync(0);

        await studio.Cell("""{"Id":"1"}""", "Name").ClickAsync();
        await Expect(page.Locator("form.editor")).ToHaveCountAsync(0);
        await studio.ScreenshotAsync("read-only");

        // The page's own session forcing a write: the server refuses it.
        var status = await page.EvaluateAsync<int>("""
            async () => (await fetch('/api/changes', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ changes: [{ kind: 'update', schema: 'public', table: 'Authors', key: { Id: '1' }, xmin: '0', set: { Name: { value: 'Mallory' } } }] }),
            })).status
            """);
        Assert.Equal(403, status);
        Assert.Equal("Alice", await fixture.QueryTextAsync("""SELECT "Name" FROM "Authors" WHERE "Id" = 1"""));
        studio.AssertNoScriptProblems();
    }

    private static async Task EditAsync(StudioPage studio, string key, string column, string value)
    {
        await studio.Cell(key, column).ClickAsync();
        var input = studio.Page.Locator("form.editor [name='value']");
        await input.FillAsync(value);
        await studio.Page.Locator("[data-action='stage-value']").ClickAsync();
        await Expect(studio.Page.Locator("form.editor")).ToHaveCountAsync(0);
    }
}
