using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cognova.Studio.Tests.Api;

/// <summary>A browser's view of a running studio: opens the printed URL once, then sends the session cookie.</summary>
public sealed class StudioClient : IDisposable
{
    private readonly HttpClient _http;

    private StudioClient(HttpClient http, string? cookie)
    {
        _http = http;
        Cookie = cookie;
    }

    public string? Cookie { get; }

    /// <summary>A client without the cookie (a page on another site, or someone who never had the URL).</summary>
    public static StudioClient Anonymous(StudioServer server)
        => new(new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress }, null);

    public static async Task<StudioClient> SignInAsync(StudioServer server)
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var response = await http.GetAsync(new Uri(server.Url));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        return new StudioClient(http, setCookie.Split(';')[0]);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", Cookie);
        }

        configure?.Invoke(request);
        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? configure = null) => SendAsync(HttpMethod.Get, path, null, configure);

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body));

    /// <summary>GET, expecting 200, as a JSON document.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status, showing the body when it differs.</summary>
    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
        => Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public void Dispose() => _http.Dispose();
}
