using System.Net;
using System.Net.Http.Json;
using Cognova.Build.Testing.Postgres;

namespace Cognova.Studio.Tests.Api;

/// <summary>A studio whose connection string carries a password and whose log is captured at every level.</summary>
public sealed class SecurityFixture(PostgresServer postgres) : IAsyncLifetime
{
    public const string Password = "S3cret-Pa55word-never-shown";

    public CapturingLoggerProvider Log { get; } = new();

    public StudioServer Studio { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync("studio");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("""CREATE TABLE "Tags" ("Id" integer PRIMARY KEY, "Name" text)""", connection);
            await command.ExecuteNonQueryAsync();
        }

        // The throw-away server trusts local connections: the password is carried, never checked, and must never come back.
        builder.Password = Password;
        Studio = await StudioServer.StartAsync(new StudioOptions { ConnectionString = builder.ConnectionString }, Log);
    }

    public async Task DisposeAsync() => await Studio.DisposeAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class SecurityTests(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    private StudioServer Studio => fixture.Studio;

    [Theory]
    [InlineData("/api/tables")]
    [InlineData("/api/session")]
    [InlineData("/")]
    [InlineData("/index.html")]
    public async Task Without_the_cookie_every_path_is_401(string path)
    {
        using var client = StudioClient.Anonymous(Studio);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(path.StartsWith("/api", StringComparison.Ordinal) ? "printed" : "the address it printed", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_token_or_cookie_is_401()
    {
        using var client = StudioClient.Anonymous(Studio);
        using var wrongToken = await client.GetAsync("/?token=" + new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.False(wrongToken.Headers.Contains("Set-Cookie"));
        using var wrongCookie = await client.GetAsync("/api/tables", r => r.Headers.Add("Cookie", "cognova_studio=" + new string('a', 64)));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCookie.StatusCode);
    }

    [Fact]
    public async Task The_token_becomes_an_http_only_same_site_strict_cookie_and_a_redirect()
    {
        using var client = StudioClient.Anonymous(Studio);
        using var response = await client.GetAsync(new Uri(Studio.Url).PathAndQuery);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Matches("^cognova_studio=[0-9a-f]{64}; ", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Studio.Url.Split("token=")[1], cookie);

        using var signedIn = await StudioClient.SignInAsync(Studio);
        using var page = await signedIn.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1:1")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost.evil.example:{port}")]
    [InlineData("0.0.0.0:{port}")]
    public async Task A_host_that_is_not_this_loopback_address_is_421_even_with_the_cookie(string host)
    {
        using var client = await StudioClient.SignInAsync(Studio);
        using var response = await client.GetAsync("/api/tables", r => r.Headers.Host = host.Replace("{port}", Studio.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost:{port}")]
    [InlineData("[::1]:{port}")]
    [InlineData("127.0.0.1:{port}")]
    public async Task The_loopback_names_on_the_studios_port_are_served(string host)
    {
        using var client = await StudioClient.SignInAsync(Studio);
        using var response = await client.GetAsync("/api/session", r => r.Headers.Host = host.Replace("{port}", Studio.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("http://localhost:{port}")]
    public async Task A_foreign_origin_is_403_even_with_the_cookie(string origin)
    {
        using var client = await StudioClient.SignInAsync(Studio);
        var value = origin.Replace("{port}", Studio.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var get = await client.GetAsync("/api/tables", r => r.Headers.Add("Origin", value));
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        using var post = await client.SendAsync(HttpMethod.Post, "/api/sql", JsonContent.Create(new { sql = "select 1" }), r => r.Headers.Add("Origin", value));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(get.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_same_origin_is_served()
    {
        using var client = await StudioClient.SignInAsync(Studio);
        using var response = await client.GetAsync("/api/tables", r => r.Headers.Add("Origin", $"http://127.0.0.1:{Studio.Port}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_no_cors_headers()
    {
        using var client = await StudioClient.SignInAsync(Studio);
        using var anonymous = StudioClient.Anonymous(Studio);
        foreach (var response in new[] { await client.GetAsync("/api/tables"), await client.GetAsync("/"), await anonymous.GetAsync("/api/tables") })
        {
            using (response)
            {
                Assert.Equal(
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                    Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
                Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
                Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
                Assert.True(response.Headers.CacheControl!.NoStore);
                Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(response.Headers, h => h.Key.Contains("Private-Network", StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public void The_listeners_are_loopback_only()
    {
        Assert.NotEmpty(Studio.Addresses);
        foreach (var address in Studio.Addresses)
        {
            var uri = new Uri(address);
            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(uri.Host.Trim('[', ']'))), address);
            Assert.Equal(Studio.Port, uri.Port);
        }

        Assert.Contains(Studio.Addresses, a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        if (IPv6LoopbackExists())
        {
            Assert.Contains(Studio.Addresses, a => a.StartsWith("http://[::1]:", StringComparison.Ordinal));
        }
    }

    private static bool IPv6LoopbackExists()
    {
        try
        {
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetworkV6, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    [Fact]
    public async Task The_token_and_the_session_id_never_reach_the_log()
    {
        using var client = await StudioClient.SignInAsync(Studio);
        using (await client.GetAsync("/api/tables/public/Nope"))
        using (await client.GetAsync("/?token=" + new string('1', 64)))
        using (await client.GetAsync("/api/tables"))
        {
        }

        var token = Studio.Url.Split("token=")[1];
        var session = client.Cookie!.Split('=')[1];
        Assert.NotEmpty(fixture.Log.Lines);
        Assert.DoesNotContain(fixture.Log.Lines, line => line.Contains(token, StringComparison.Ordinal) || line.Contains(session, StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Log.Lines, line => line.Contains(SecurityFixture.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_response_carries_the_password()
    {
        using var client = await StudioClient.SignInAsync(Studio);
        foreach (var path in new[] { "/api/session", "/api/tables", "/api/tables/public/Tags", "/api/tables/public/Tags/rows", "/api/tables/public/Nope", "/api/model", "/api/migrations", "/" })
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(SecurityFixture.Password, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Password", body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
