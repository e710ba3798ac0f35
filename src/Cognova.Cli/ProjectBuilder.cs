using System.Text.RegularExpressions;
using Cognova.Engine.Tool;

namespace Cognova.Cli;

/// <summary>
/// Builds the project (unless <c>--no-build</c>) and reads its properties in the same MSBuild call.
/// The inner build runs with <c>CognovaEnabled=false</c>: the build's own checks would stop it on the
/// very thing a command is about to fix (drift before <c>generate</c>, an unapproved finding before
/// <c>review</c>), and every command runs the checks it needs itself, with the same code.
/// </summary>
public static partial class ProjectBuilder
{
    public sealed record Options(string ProjectFile, bool Build, string? Configuration, string? Framework);

    /// <exception cref="ToolException">The build failed, or MSBuild could not read the project.</exception>
    public static ProjectProperties Run(Options options, CliConsole console)
    {
        if (!options.Build && PropertiesCache.TryRead(options) is { } cached)
        {
            console.Verbose($"properties of {Path.GetFileName(options.ProjectFile)} from obj/ (nothing that feeds them changed)");
            return cached;
        }

        var properties = Read(options, console);
        PropertiesCache.Write(options, properties);
        return properties;
    }

    private static ProjectProperties Read(Options options, CliConsole console)
    {
        var arguments = new List<string>();
        if (options.Build)
        {
            arguments.AddRange(["build", options.ProjectFile, "-t:Build", "-p:CognovaEnabled=false", "-nologo"]);
        }
        else
        {
            arguments.AddRange(["msbuild", options.ProjectFile, "-nologo"]);
        }

        if (options.Configuration is not null)
        {
            arguments.Add("-p:Configuration=" + options.Configuration);
        }

        if (options.Framework is not null)
        {
            arguments.Add("-p:TargetFramework=" + options.Framework);
        }

        arguments.AddRange(ProjectProperties.Names.Select(name => "-getProperty:" + name));

        (int ExitCode, string Output, string Error) result;
        var name = Path.GetFileName(options.ProjectFile);
        using (console.Progress(options.Build ? $"Building {name}" : $"Reading {name}"))
        {
            result = DotNetProcess.Capture(arguments, Path.GetDirectoryName(options.ProjectFile)!);
        }

        if (result.ExitCode != 0)
        {
            var errors = Errors(result.Output + "\n" + result.Error);
            throw new ToolException(
                options.Build ? Cognova.Migrations.Tooling.ExitCodes.BuildFailed : Cognova.Migrations.Tooling.ExitCodes.UsageError,
                (options.Build ? $"The build of {name} failed" : $"MSBuild could not read {name}") + (errors.Length > 0 ? ":\n" + errors : $" (exit code {result.ExitCode}).\n{result.Output}{result.Error}".TrimEnd()));
        }

        try
        {
            return ProjectProperties.Parse(result.Output);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ToolException(Cognova.Migrations.Tooling.ExitCodes.UsageError, $"MSBuild did not print the properties of {name}: {ex.Message}\n{result.Output}{result.Error}".TrimEnd());
        }
    }

    /// <summary>The error lines of a build's output, each once.</summary>
    private static string Errors(string output)
        => string.Join('\n', output.Split('\n').Select(l => l.TrimEnd()).Where(l => ErrorLine().IsMatch(l)).Distinct());

    [GeneratedRegex(@":\s+error\s+[A-Z]*\d*\s*:|^\s*error\b|MSBUILD : error", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLine();
}

/// <summary>The tool cannot go on: one clear message and <see cref="ExitCode"/>.</summary>
public sealed class ToolException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
