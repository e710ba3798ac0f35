using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tooling;
using Npgsql;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova status</c> and <c>migrate</c> with <c>--verbose</c>, grepped for passwords that broke
/// masking: the application's own connection string written with <c>PSW=</c> and a doubled quote, and
/// connections given on the command line and in the environment (both quotes, ';', '=', '@', '%', unicode,
/// an unquoted ';' that Npgsql cannot read).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SecretsTests(PostgresServer server, BuiltStore store)
{
    // Each password is made of markers that appear nowhere else; no output may show any of them, in any case.
    private const string Quotes = "Kv8mq'Jw3pz\"Rt6xa";
    private const string Specials = "Nb2qe;Ls5zu=Hd4cy@Gf7yw%Pm9kr: Tz3vü😀";
    private const string Semicolon = "Wq5xn;Yh8tb";

    private static readonly string[] Markers =
        ["Kv8mq", "Jw3pz", "Rt6xa", "Nb2qe", "Ls5zu", "Hd4cy", "Gf7yw", "Pm9kr", "Tz3v", "Wq5xn", "Yh8tb"];

    [Fact]
    public async Task Status_and_migrate_verbose_show_no_password_from_the_applications_own_configuration()
    {
        var database = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("cli_secret_config"));
        using var project = TestProject.FromFixture("Store");
        var configured = $"Host={database.Host};Port={database.Port};Database={database.Database};Username={database.Username};PSW='{Quotes.Replace("'", "''", StringComparison.Ordinal)}'";
        project.Replace("ShopContext.cs", "\"Host=db.invalid;Database=shop;Username=shop;Password=secret\"", ToCSharpLiteral(configured));

        var status = InstalledTool.Instance.Run(project.Directory, "status", "--verbose");
        var migrate = InstalledTool.Instance.Run(project.Directory, "migrate", "--verbose", "--no-build");

        status.AssertExit(ExitCodes.Success);
        migrate.AssertExit(ExitCodes.Success);
        Assert.Contains("the application's configuration", status.Error);
        AssertNoPassword(status.All);
        AssertNoPassword(migrate.All);
    }

    [Fact]
    public async Task Status_and_migrate_verbose_show_no_password_given_on_the_command_line_or_in_the_environment()
    {
        var database = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("cli_secret_given"));
        var target = $"Host={database.Host};Port={database.Port};Database={database.Database};Username={database.Username}";
        var doubled = $"{target};Password=\"{Quotes.Replace("\"", "\"\"", StringComparison.Ordinal)}\";SSL Password='{Specials}'";
        var unreachable = $"postgres://u:{Uri.EscapeDataString(Quotes + Specials)}@127.0.0.1:1/x";

        var runs = new[]
        {
            store.Tool("status", "--verbose", "--connection", doubled),
            store.Tool("migrate", "--verbose", "--connection", doubled),
            store.ToolWith(new() { ["ConnectionStrings__Default"] = $"{target};PSW='{Quotes.Replace("'", "''", StringComparison.Ordinal)}'" }, "status", "--verbose"),
            store.ToolWith(new() { ["DATABASE_URL"] = unreachable }, "migrate", "--verbose"),
            store.Tool("status", "--verbose", "--connection", $"{target};Password={Semicolon}"),
            store.Tool("migrate", "--verbose", "--connection", $"{target};Password={Semicolon}"),
        };

        runs[0].AssertExit(ExitCodes.Success);
        runs[1].AssertExit(ExitCodes.Success);
        runs[3].AssertExit(ExitCodes.DatabaseUnreachable);
        runs[4].AssertExit(ExitCodes.UsageError);
        foreach (var run in runs)
        {
            AssertNoPassword(run.All);
        }
    }

    private static void AssertNoPassword(string output)
    {
        foreach (var marker in Markers)
        {
            Assert.False(output.Contains(marker, StringComparison.OrdinalIgnoreCase), $"'{marker}' shows in:\n{output}");
        }
    }

    private static string ToCSharpLiteral(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
