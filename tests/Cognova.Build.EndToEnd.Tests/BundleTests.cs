using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;
using Npgsql;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// The migration bundle as a deploy job meets it: a real <c>dotnet publish</c> of the Store fixture
/// (three migrations) writes <c>efbundle</c>, which then runs against a real PostgreSQL server.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BundleTests(PostgresServer server, BundleTests.PublishedStore store) : IClassFixture<BundleTests.PublishedStore>
{
    private const string Init = "20261125170003_Init";
    private const string AddDescription = "20261125173808_AddDescription";
    private const string AddOrders = "20261125173813_AddOrders";

    [Fact]
    public async Task The_bundle_creates_every_table_on_a_fresh_database_and_a_second_run_has_nothing_to_do()
    {
        var database = await server.CreateDatabaseAsync("bundle_fresh");

        var first = Bundle(store.Bundle, "--connection", database);
        Assert.True(first.ExitCode == 0, first.All);
        Assert.Contains($"Applying migration '{AddOrders}'", first.Output);

        Assert.Equal([Init, AddDescription, AddOrders], await History(database));
        Assert.Equal(["categories", "orders", "products"], await Tables(database));

        var second = Bundle(store.Bundle, "--connection", database, "--verbose");
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Contains("already up to date", second.Output);
        Assert.DoesNotContain("Using context", second.Output); // answered from the history table, without starting EF Core
    }

    [Fact]
    public async Task With_no_target_the_bundle_creates_a_database_that_does_not_exist_yet_and_reverts_saying_so()
    {
        var database = server.ConnectionStringFor("bundle_new_" + Guid.NewGuid().ToString("N")[..8]);

        var deploy = Bundle(store.Bundle, "--connection", database);
        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.Equal([Init, AddDescription, AddOrders], await History(database));

        var revert = Bundle(store.Bundle, "AddDescription", "--connection", database);
        Assert.True(revert.ExitCode == 0, revert.All);
        Assert.Contains($"Reverting migration '{AddOrders}'", revert.Output);
        Assert.DoesNotContain("Applying migration", revert.Output);
        Assert.Contains("Done. 1 migration(s) reverted", revert.Output);
        Assert.Equal([Init, AddDescription], await History(database));
    }

    [Fact]
    public void With_json_every_run_prints_one_json_document_also_when_the_database_is_unreachable()
    {
        var unreachable = Bundle(store.Bundle, "--json", "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=u;Timeout=3");
        var unknownTarget = Bundle(store.Bundle, "NoSuchMigration", "--json", "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=u;Timeout=3");

        Assert.Equal(4, unreachable.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(unreachable.Output);
        Assert.Equal("unreachable", document.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(4, document.RootElement.GetProperty("exitCode").GetInt32());
        Assert.NotEqual(0, unknownTarget.ExitCode);
        using var second = System.Text.Json.JsonDocument.Parse(unknownTarget.Output);
        Assert.Equal(unknownTarget.ExitCode, second.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void The_bundle_is_one_executable_file_and_a_second_publish_does_not_rebuild_it()
    {
        var info = new FileInfo(store.Bundle);
        Assert.True(info.Length > 1_000_000, "a single-file bundle carries the application's assemblies");
        Assert.True(info.UnixFileMode.HasFlag(UnixFileMode.UserExecute));
        var before = info.LastWriteTimeUtc;

        var again = store.Project.Run("publish", "-o", store.PublishDirectory);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(before, File.GetLastWriteTimeUtc(store.Bundle));
    }

    [Fact]
    public void A_bundle_for_linux_x64_carries_the_precompiled_assemblies_and_a_bundle_for_another_runtime_the_portable_ones()
    {
        // The bundle is for the machine's runtime; every other test of this class runs it.
        var files = File.ReadAllLines(Path.Combine(store.Project.Directory, "obj", "Release", "net10.0", "cognova-bundle", "bundle-files.txt"));
        var precompiled = RuntimeInformation.RuntimeIdentifier == "linux-x64";

        Assert.Equal(["Cognova.Bundle.dll", "Cognova.Migrations.dll", "System.CommandLine.dll"], files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(files, file =>
        {
            Assert.Equal(precompiled ? "bundle-linux-x64" : "bundle", Path.GetFileName(Path.GetDirectoryName(file)));
            using var reader = new PEReader(File.OpenRead(file));
            Assert.Equal(precompiled, reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0);
        });
    }

    [Fact]
    public async Task Four_bundles_started_together_apply_each_migration_once()
    {
        var database = await server.CreateDatabaseAsync("bundle_race");
        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Bundle(store.Bundle, "--connection", database))).ToArray();

        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.All));
        Assert.Equal([Init, AddDescription, AddOrders], await History(database));
        Assert.Equal(["categories", "orders", "products"], await Tables(database));
    }

    [Fact]
    public async Task Status_and_script_describe_a_partly_migrated_database()
    {
        var database = await server.CreateDatabaseAsync("bundle_partial");
        Assert.Equal(0, Bundle(store.Bundle, "AddDescription", "--connection", database).ExitCode);

        var status = Bundle(store.Bundle, "status", "--json", "--connection", database);
        Assert.True(status.ExitCode == 0, status.All);
        Assert.Contains($"\"applied\":[\"{Init}\",\"{AddDescription}\"]", status.Output);
        Assert.Contains($"\"pending\":[\"{AddOrders}\"]", status.Output);

        var script = Bundle(store.Bundle, "script", "--connection", database);
        Assert.True(script.ExitCode == 0, script.All);
        Assert.Contains("CREATE TABLE orders", script.Output);
        Assert.DoesNotContain("CREATE TABLE products", script.Output);
        Assert.Equal([Init, AddDescription], await History(database));
    }

    [Fact]
    public async Task Bad_credentials_an_unreachable_host_and_a_malformed_url_get_their_exit_code_and_never_show_a_password()
    {
        var database = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("bundle_bad"));
        var wrongPassword = BundleWith(store.Bundle, new() { ["DATABASE_URL"] = $"postgres://nobody_here:Wr0ngPassw0rd!@{database.Host}:{database.Port}/{database.Database}" });
        var unreachable = Bundle(store.Bundle, "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=Wr0ngPassw0rd!;Timeout=3");
        var malformed = BundleWith(store.Bundle, new() { ["DATABASE_URL"] = "postgres://user:Wr0ngPassw0rd!@[not a host/db" });

        Assert.Equal(4, wrongPassword.ExitCode);
        Assert.Equal(4, unreachable.ExitCode);
        Assert.Equal(2, malformed.ExitCode);
        foreach (var result in new[] { wrongPassword, unreachable, malformed })
        {
            Assert.DoesNotContain("Wr0ngPassw0rd!", result.All);
            Assert.DoesNotContain("   at ", result.All);
        }

        Assert.Contains("DATABASE_URL", malformed.Error);
    }

    [Fact]
    public async Task A_self_contained_bundle_runs_without_a_dotnet_installation()
    {
        using var project = TestProject.FromFixture("Store", LocalPackageFeed.Instance);
        Assert.Equal(0, project.Build().ExitCode);
        var output = Path.Combine(project.Root, "publish-self-contained");

        var publish = project.Run("publish", "-r", "linux-x64", "--self-contained", "-o", output);

        Assert.True(publish.ExitCode == 0, publish.ToString());
        var database = await server.CreateDatabaseAsync("bundle_self_contained");
        var deploy = BundleWith(Path.Combine(output, "efbundle"), new() { ["PATH"] = "", ["DOTNET_ROOT"] = null, ["DOTNET_HOST_PATH"] = null }, "--connection", database);
        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.Equal([Init, AddDescription, AddOrders], await History(database));
    }

    [Fact]
    public async Task Publishing_the_sample_app_writes_a_bundle_that_deploys_its_schema()
    {
        using var sample = TestProject.CopyFrom(Path.Combine(RepositoryPaths.Samples, "Cognova.Sample"), LocalPackageFeed.Instance);
        sample.RemoveProperty("CognovaUseRepoBuild");
        sample.RemoveProjectReferences();
        sample.AddPackageReference("Cognova.Migrations", LocalPackageFeed.Instance.Version);
        var output = Path.Combine(sample.Root, "publish");

        var publish = sample.Run("publish", "-o", output);

        Assert.True(publish.ExitCode == 0, publish.ToString());
        var database = await server.CreateDatabaseAsync("bundle_sample");
        var deploy = BundleWith(Path.Combine(output, "efbundle"), new() { ["DATABASE_URL"] = ToUrl(database) });
        Assert.True(deploy.ExitCode == 0, deploy.All);
        Assert.Equal(["tags", "user"], await Tables(database));
    }

    internal static ProcessResult Bundle(string bundle, params string[] arguments) => BundleWith(bundle, [], arguments);

    /// <summary>Runs the bundle from its own folder, as a deploy job would, with nothing of this machine's environment that would change its choices.</summary>
    internal static ProcessResult BundleWith(string bundle, Dictionary<string, string?> environment, params string[] arguments)
    {
        var variables = new Dictionary<string, string?> { ["DATABASE_URL"] = null, ["DOTNET_ENVIRONMENT"] = null, ["ASPNETCORE_ENVIRONMENT"] = null };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return ProcessRunner.Run(bundle, arguments, Path.GetDirectoryName(bundle), variables, TimeSpan.FromMinutes(2));
    }

    private static string ToUrl(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var password = string.IsNullOrEmpty(builder.Password) ? "" : ":" + Uri.EscapeDataString(builder.Password);
        return $"postgres://{Uri.EscapeDataString(builder.Username ?? "postgres")}{password}@{builder.Host}:{builder.Port}/{builder.Database}";
    }

    internal static async Task<IReadOnlyList<string>> History(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"", connection);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    internal static async Task<IReadOnlyList<string>> Tables(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory' ORDER BY table_name", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The Store fixture, referencing the packed Cognova.Build, published once for the tests of this class.</summary>
    public sealed class PublishedStore : IDisposable
    {
        public PublishedStore()
        {
            Project = TestProject.FromFixture("Store", LocalPackageFeed.Instance);
            PublishDirectory = Path.Combine(Project.Root, "publish");
            var build = Project.Build();
            Assert.True(build.ExitCode == 0, build.ToString());
            var publish = Project.Run("publish", "-o", PublishDirectory);
            Assert.True(publish.ExitCode == 0, publish.ToString());
            Bundle = Path.Combine(PublishDirectory, "efbundle");
            Assert.True(File.Exists(Bundle), publish.ToString());
        }

        public TestProject Project { get; }

        public string PublishDirectory { get; }

        public string Bundle { get; }

        public void Dispose() => Project.Dispose();
    }
}
