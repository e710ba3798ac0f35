namespace Cognova.Studio;

/// <summary>A request the studio refuses: the HTTP status and one message for the user (no stack trace).</summary>
internal sealed class StudioRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
