using Cognova.Migrations.Tooling;
namespace Cognova.Engine.Tool;

/// <summary>A command cannot go on: the message is shown as one clear error and the tool exits with <see cref="ExitCode"/>.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(ExitCodes.UsageError, message);
}
