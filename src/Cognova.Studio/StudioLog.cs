using Microsoft.Extensions.Logging;

namespace Cognova.Studio;

/// <summary>What the studio logs. Never the token, the session id or a connection string.</summary>
internal static partial class StudioLog
{
    [LoggerMessage(1, LogLevel.Information, "Cognova Studio listening on {Addresses} ({Mode})")]
    public static partial void Listening(ILogger logger, string addresses, string mode);

    [LoggerMessage(2, LogLevel.Warning, "{Method} {Path}: {Error}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, string error);
}
