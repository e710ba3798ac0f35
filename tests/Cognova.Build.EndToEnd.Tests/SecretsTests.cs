using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;
using Npgsql;
using static Cognova.Build.EndToEnd.Tests.BundleTests;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// Every output of the build and of the bundle, grepped for passwords that broke masking: a password with
/// a doubled quote and both quotes, one with ';', '=', '@', '%', ':', a space and unicode, and an unquoted
/// ';' (which Npgsql cannot read, and whose second half it echoes). The Store fixture here reads its
/// connection string from its own configuration (an environment variable only it knows), and can be told
/// to throw from its constructor with a message that quotes it, or to parse it with Npgsql's builder there.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SecretsTests(PostgresServer server, SecretsTests.ConfiguredStore store) : IClassFixture<SecretsTests.ConfiguredStore>
{
    // Each password is made of markers that appear nowhere else; no output may show any of them, in any case.
    private const string Quotes = "Kv8mq'Jw3pz\"Rt6xa";
    private const string Specials = "Nb2qe;Ls5zu=Hd4cy@Gf7yw%Pm9kr: Tz3vü😀";
    private const string Semicolon = "Wq5xn;Yh8tb";

    private static readonly string[] Markers =
        ["Kv8mq", "Jw3pz", "Rt6xa", "Nb2qe", "Ls5zu", "Hd4cy", "Gf7yw", "Pm9kr", "Tz3v", "Wq5xn", "Yh8tb"];

    [Fact]
    public void A_build_whose_DbContext_constructor_quotes_its_connection_string_shows_no_password()
    {
        var quoted = Build(Throw, $"Host=db.invalid;Database=shop;Username=shop;Password='{Quotes.Replace("'", "''", StringComparison.Ordinal)}'");
        var verbose = Build(Throw, $"Host=db.invalid;Database=shop;Username=shop;PSW=\"{Specials}\"", "-p:CognovaVerbose=true");
        var unreadable = Build(Parse, $"Host=db.invalid;Password={Semicolon};Database=shop");

        Assert.Contains("Host=db.invalid", quoted.Output);
        Assert.Contains("Host=db.invalid", verbose.Output);
        foreach (var result in new[] { quoted, verbose, unreadable })
        {
            Assert.True(result.ExitCode != 0, result.ToString());
            AssertNoPassword(result.Output);
        }
    }

    [Fact]
    public async Task The_bundle_shows_no_password_from_the_application_configuration_verbose_or_json()
    {
        var database = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("secrets_config"));
        var target = $"Host={database.Host};Port={database.Port};Database={database.Database};Username={database.Username}";
        var psw = $"{target};PSW='{Quotes.Replace("'", "''", StringComparison.Ordinal)}'";
        var unreachable = $"Host=127.0.0.1;Port=1;Database=x;Username=u;Timeout=3;SSL Password=\"{Specials}\";Password=\"{Quotes.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

        var runs = new[]
        {
            Run(psw, null, "--verbose"),
            Run(psw, null, "status", "--json"),
            Run(unreachable, null, "--verbose"),
            Run(unreachable, null, "--json"),
            Run($"{target};Password={Semicolon}", null, "--verbose"),
            Run($"{target};Password={Semicolon}", null, "--json"),
            Run(psw, Throw, "--verbose"),
            Run(unreachable, Throw, "--json"),
        };

        Assert.Equal(0, runs[0].ExitCode);
        Assert.Contains("Connection from the application's configuration", runs[0].All);
        Assert.Equal(4, runs[2].ExitCode);
        Assert.Contains("\"outcome\":\"unreachable\"", runs[3].Output);
        foreach (var run in runs)
        {
            AssertNoPassword(run.All);
        }
    }

    [Fact]
    public async Task The_bundle_shows_no_password_given_with_connection_or_DATABASE_URL()
    {
        var database = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("secrets_given"));
        var keyValue = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = Specials }.ConnectionString;
        var url = $"postgres://{database.Username}:{Uri.EscapeDataString(Quotes + Specials)}@{database.Host}:{database.Port}/{database.Database}";
        var unreachableUrl = $"postgres://u:{Uri.EscapeDataString(Quotes + Specials)}@127.0.0.1:1/x";

        var runs = new[]
        {
            BundleWith(store.Bundle, [], "--connection", keyValue, "--verbose"),
            BundleWith(store.Bundle, new() { ["DATABASE_URL"] = url }, "--verbose"),
            BundleWith(store.Bundle, new() { ["DATABASE_URL"] = unreachableUrl }, "--verbose", "--json"),
            BundleWith(store.Bundle, [], "--connection", $"Host=127.0.0.1;Password={Semicolon};Database=x", "--verbose"),
        };

        Assert.True(runs[0].ExitCode == 0, runs[0].All);
        Assert.True(runs[2].ExitCode == 4, runs[2].All);
        Assert.Equal(2, runs[3].ExitCode);
        Assert.Contains("--connection", runs[3].Error);
        foreach (var run in runs)
        {
            AssertNoPassword(run.All);
        }
    }

    private const string Throw = "throw";
    private const string Parse = "parse";

    private BuildResult Build(string mode, string connectionString, params string[] arguments)
    {
        // --no-incremental: the check must run again for each configuration.
        string[] all = ["build", store.Project.ProjectFile, "-nodeReuse:false", "-tl:off", "--no-incremental", .. arguments];
        return new BuildResult(DotNet.Run(store.Project.Directory, new Dictionary<string, string?> { [ConnectionVariable] = connectionString, [ModeVariable] = mode }, all));
    }

    private ProcessResult Run(string connectionString, string? mode, params string[] arguments)
        => BundleWith(store.Bundle, new() { [ConnectionVariable] = connectionString, [ModeVariable] = mode }, arguments);

    private static void AssertNoPassword(string output)
    {
        foreach (var marker in Markers)
        {
            Assert.False(output.Contains(marker, StringComparison.OrdinalIgnoreCase), $"'{marker}' shows in:\n{output}");
        }
    }

    private const string ConnectionVariable = "STORE_DATABASE";
    private const string ModeVariable = "STORE_SECRET_MODE";

    /// <summary>The Store fixture with its connection string from its configuration, published once.</summary>
    public sealed class ConfiguredStore : IDisposable
    {
        public ConfiguredStore()
        {
            Project = TestProject.FromFixture("Store", LocalPackageFeed.Instance);
            var context = Project.Read("ShopContext.cs");
            Project.Write("ShopContext.cs", context
                .Replace(
                    """
                        public ShopContext()
                        {
                        }
                    """,
                    $$"""
                        public ShopContext()
                        {
                            // The app's own configuration, and two ways an app fails with it.
                            switch (Environment.GetEnvironmentVariable("{{ModeVariable}}"))
                            {
                                case "{{Throw}}":
                                    throw new InvalidOperationException($"Cannot use the connection string '{ConnectionString}'.");
                                case "{{Parse}}":
                                    _ = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
                                    break;
                            }
                        }

                        private static string ConnectionString
                            => Environment.GetEnvironmentVariable("{{ConnectionVariable}}") ?? "Host=db.invalid;Database=shop;Username=shop;Password=secret";
                    """, StringComparison.Ordinal)
                .Replace("options.UseNpgsql(\"Host=db.invalid;Database=shop;Username=shop;Password=secret\")", "options.UseNpgsql(ConnectionString)", StringComparison.Ordinal));
            Assert.Contains("options.UseNpgsql(ConnectionString)", Project.Read("ShopContext.cs"));
            var publish = Project.Run("publish", "-o", Path.Combine(Project.Root, "publish"));
            Assert.True(publish.ExitCode == 0, publish.ToString());
            Bundle = Path.Combine(Project.Root, "publish", "efbundle");
        }

        public TestProject Project { get; }

        public string Bundle { get; }

        public void Dispose() => Project.Dispose();
    }
}
