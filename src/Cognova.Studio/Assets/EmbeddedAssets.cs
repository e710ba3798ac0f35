using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Cognova.Studio.Assets;

/// <summary>
/// The UI's files, embedded in this assembly from <c>wwwroot/</c>: <c>/</c> is <c>index.html</c>, <c>/x/y.js</c> is
/// <c>wwwroot/x/y.js</c>. Nothing is read from disk or the network.
/// </summary>
internal static class EmbeddedAssets
{
    private const string Prefix = "wwwroot/";
    private static readonly Assembly Assembly = typeof(EmbeddedAssets).Assembly;
    private static readonly HashSet<string> Names = new(Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)), StringComparer.Ordinal);
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Serves the file for the request's path; false when there is none.</summary>
    public static async Task<bool> TryServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var name = Prefix + (path == "/" ? "index.html" : path.TrimStart('/'));
        if (!Names.Contains(name) || name.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        await using var stream = Assembly.GetManifestResourceStream(name)!;
        context.Response.ContentType = ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream";
        if (context.Response.ContentType.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "text/javascript")
        {
            context.Response.ContentType += "; charset=utf-8";
        }

        context.Response.ContentLength = stream.Length;
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        return true;
    }
}
