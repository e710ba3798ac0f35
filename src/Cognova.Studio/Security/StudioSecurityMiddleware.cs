using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cognova.Studio.Security;

/// <summary>
/// Runs before everything else, on every request: Host check (421), Origin check (403), the security
/// headers, the token-for-cookie exchange on <c>/?token=…</c>, and the cookie on every other request (401).
/// Nothing here writes the token or the session id to a log.
/// </summary>
internal sealed class StudioSecurityMiddleware(RequestDelegate next, StudioSecrets secrets, StudioPort port)
{
    public const string CookieName = "cognova_studio";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private const string UseThePrintedUrl = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Cognova Studio</title></head>
        <body><h1>Open the studio with the address it printed</h1>
        <p>This studio only answers the browser that opened the URL <code>dotnet cognova studio</code> printed
        (it carries a one-time token). Copy that URL from the terminal, including <code>?token=…</code>.</p></body></html>
        """;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";

        var host = request.Host.Value;
        if (!RequestOrigin.IsAllowedHost(host, port.Value))
        {
            await PlainAsync(response, StatusCodes.Status421MisdirectedRequest, "This studio only answers at 127.0.0.1, [::1] or localhost on its own port.").ConfigureAwait(false);
            return;
        }

        if (!RequestOrigin.IsSameOrigin(request.Headers.Origin.Count == 0 ? null : request.Headers.Origin.ToString(), host!))
        {
            await PlainAsync(response, StatusCodes.Status403Forbidden, "Requests from other sites are refused.").ConfigureAwait(false);
            return;
        }

        if (request.Path == "/" && request.Query.ContainsKey("token"))
        {
            if (HttpMethods.IsGet(request.Method) && secrets.IsToken(request.Query["token"].ToString()))
            {
                response.Cookies.Append(CookieName, secrets.SessionId, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Path = "/",
                    IsEssential = true,
                });
                response.StatusCode = StatusCodes.Status302Found;
                headers.Location = "/";
                return;
            }

            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }

        if (!secrets.IsSession(request.Cookies[CookieName]))
        {
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            return response.WriteAsJsonAsync(new { error = "Not signed in: open the studio with the URL dotnet cognova studio printed." });
        }

        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(UseThePrintedUrl, Encoding.UTF8);
    }

    private static Task PlainAsync(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(message, Encoding.UTF8);
    }
}

/// <summary>The port the studio listens on, known once Kestrel has bound it.</summary>
internal sealed class StudioPort
{
    public int Value { get; set; }
}
