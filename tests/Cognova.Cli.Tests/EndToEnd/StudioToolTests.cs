using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cognova.Build.Testing;
using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova studio</c> through the installed tool on the Store fixture: it prints the address, the token
/// buys the cookie, the API lists the project's tables with their entities (also a class library's, through its
/// startup project); and <c>--write</c> on a database
/// that looks like production is refused as push refuses it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class StudioToolTests(BuiltStore store, PostgresServer server)
{
    [Fact]
    public async Task Studio_prints_the_address_and_serves_the_projects_tables()
    {
        var database = await server.CreateDatabaseAsync("cli_studio");
        store.Tool("migrate", "--connection", database).AssertExit(ExitCodes.Success);

        await WithStudioAsync(store.Project.Directory, ["--connection", database], async (http, url, cookie) =>
        {
            var products = await TableAsync(http, url, cookie, "products");
            Assert.Equal("public", products.GetProperty("schema").GetString());
            Assert.Equal("ShopContext", products.GetProperty("entities")[0].GetProperty("context").GetString());

            using var anonymous = await http.GetAsync(new Uri(new Uri(url), "/api/tables"));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        });
    }

    [Fact]
    public async Task Studio_serves_a_class_librarys_context_through_its_startup_project()
    {
        using var solution = TestSolution.FromFixture("Layered", LocalPackageFeed.Instance);
        var database = await server.CreateDatabaseAsync("cli_studio_layered");
        InstalledTool.Instance.Run(solution.Root, "migrate", "--connection", database, "-p", "Shop.Data", "-s", "Shop.Api").AssertExit(ExitCodes.Success);

        await WithStudioAsync(solution.Root, ["--connection", database, "-p", "Shop.Data", "-s", "Shop.Api"], async (http, url, cookie) =>
        {
            var products = await TableAsync(http, url, cookie, "products");
            var entity = products.GetProperty("entities")[0];
            Assert.Equal(("ShopContext", "Product"), (entity.GetProperty("context").GetString(), entity.GetProperty("clrName").GetString()));
        });
    }

    [Fact]
    public async Task Studio_write_on_a_production_looking_database_is_refused_without_allow_production()
    {
        var database = await server.CreateDatabaseAsync("shop_prod");

        var refused = store.Tool("studio", "--write", "--no-open", "--connection", database);

        refused.AssertExit(ExitCodes.ProductionRefused);
        Assert.Contains("looks like production (its database name", refused.Error);
        Assert.Contains("--allow-production", refused.Error);
        Assert.DoesNotContain("Cognova Studio: http", refused.Output);
    }

    /// <summary>
    /// Starts <c>dotnet cognova studio --no-open --no-build</c>, signs in with the printed address, runs
    /// <paramref name="use"/> with the session cookie, then stops the studio as Ctrl+C does: it exits 0.
    /// </summary>
    private static async Task WithStudioAsync(string directory, string[] arguments, Func<HttpClient, string, string, Task> use)
    {
        using var process = Process.Start(InstalledTool.Instance.StartInfo(directory, [], ["studio", "--no-open", "--no-build", .. arguments]))!;
        var error = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) => error.Enqueue(e.Data ?? "");
        process.BeginErrorReadLine();
        try
        {
            var url = await ReadAddressAsync(process, error);
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
            using var signIn = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
            var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie")).Split(';')[0];

            await use(http, url, cookie);

            // Ctrl+C: a terminal sends SIGINT to the foreground processes, the tool among them.
            Interrupt(process);
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(guard.Token);
            Assert.Equal(ExitCodes.Success, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        Assert.DoesNotContain(error, line => line.Contains("Exception", StringComparison.Ordinal));
    }

    /// <summary>The entry of <c>/api/tables</c> for the table <paramref name="name"/>.</summary>
    private static async Task<JsonElement> TableAsync(HttpClient http, string url, string cookie, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(url), "/api/tables"));
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == name).Clone();
    }

    /// <summary>SIGINT to the <c>dotnet</c> muxer and the tool it started, as a terminal's Ctrl+C reaches both.</summary>
    private static void Interrupt(Process process)
    {
        var children = Cognova.Build.Testing.ProcessRunner.Run("pgrep", ["-P", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var ids = children.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Prepend(process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Cognova.Build.Testing.ProcessRunner.Run("kill", ["-INT", .. ids]);
    }

    private static async Task<string> ReadAddressAsync(Process process, IEnumerable<string> error)
    {
        var output = new List<string>();
        // Against a hang, not a timing: a studio that never prints its address is stopped and the test shows its output.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var stop = guard.Token.Register(() => process.Kill(entireProcessTree: true));
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            output.Add(line);
            if (Address().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("dotnet cognova studio ended without printing its address:\n" + string.Join("\n", output) + "\n--- stderr ---\n" + string.Join("\n", error));
    }

    [GeneratedRegex(@"^Cognova Studio: (http://127\.0\.0\.1:[0-9]+/\?token=[0-9a-f]{64})$")]
    private static partial Regex Address();
}
