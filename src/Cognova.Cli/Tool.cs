using System.Text.Json;
using Cognova.Build.Design.Cli;
using Cognova.Secrets;

namespace Cognova.Cli;

/// <summary>
/// One run of <c>dotnet cognova</c>: parse, find and build the project, then hand the command to the
/// design host. Only <c>generate</c> takes more than one host run: the new migration must be compiled
/// before its SQL can be generated, checked and locked exactly as the build does.
/// </summary>
public static class Tool
{
    public static int Run(string[] args)
    {
        CommandLine line;
        try
        {
            line = CommandLine.Parse(args);
        }
        catch (CommandLineException ex)
        {
            Console.Error.WriteLine(SecretMasker.MaskText(ex.Message));
            return CliExitCodes.UsageError;
        }

        var console = CliConsole.FromEnvironment(line.NoColor, line.Verbose);
        if (line.Help)
        {
            console.Line(Usage.For(line.Command));
            return CliExitCodes.Success;
        }

        try
        {
            return Execute(line, console);
        }
        catch (CommandLineException ex)
        {
            console.Error(ex.Message);
            return CliExitCodes.UsageError;
        }
        catch (ToolException ex)
        {
            console.Error(ex.Message);
            return ex.ExitCode;
        }
    }

    private static int Execute(CommandLine line, CliConsole console)
    {
        switch (line.Command)
        {
            case "generate" when string.IsNullOrWhiteSpace(line.Positional("name")):
                throw new CommandLineException("Name the migration: dotnet cognova generate <Name>, e.g. dotnet cognova generate AddTagColor.");
            case "review" when line.Value("--approve") is not null && string.IsNullOrWhiteSpace(line.Value("--reason")):
                throw new CommandLineException("An approval needs a reason: dotnet cognova review --approve <migration> --reason \"<why this is safe>\".");
            case "review" when line.Value("--reason") is not null && line.Value("--approve") is null:
                throw new CommandLineException("--reason goes with --approve <migration>.");
        }

        var projectFile = ProjectLocator.Find(line.Value("--project"), Environment.CurrentDirectory);
        var build = new ProjectBuilder.Options(projectFile, !line.NoBuild, line.Value("--configuration"), line.Value("--framework"));
        var project = Prepare(build, console);
        var options = HostOptions(line, project).ToList();

        if (line.Command != "generate")
        {
            return DesignHost.Run(project, line.Command, options);
        }

        // generate: scaffold the files, compile them, then show and lock the new migration.
        var resultFile = Path.Combine(Path.GetTempPath(), $"cognova-generate-{Guid.NewGuid():N}.json");
        try
        {
            var exitCode = DesignHost.Run(project, "generate", [.. options, ("--result-file", resultFile)]);
            if (exitCode != CliExitCodes.Success)
            {
                return exitCode;
            }

            var migration = JsonDocument.Parse(File.ReadAllText(resultFile)).RootElement.GetProperty("migration").GetString()!;
            project = Prepare(build with { Build = true }, console);
            return DesignHost.Run(project, "inspect", [.. options.Where(o => o.Name != "--name"), ("--migration", migration)]);
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    private static ProjectProperties Prepare(ProjectBuilder.Options build, CliConsole console)
    {
        var project = ProjectBuilder.Run(build, console);
        var problem = project.Problem();
        return problem is null ? project : throw new ToolException(CliExitCodes.UsageError, problem);
    }

    /// <summary>The host's arguments for the command: positionals by name, the command's options as given.</summary>
    private static IEnumerable<(string Name, string? Value)> HostOptions(CommandLine line, ProjectProperties project)
    {
        var context = line.Value("--context") ?? project.DefaultContext;
        if (context is not null)
        {
            yield return ("--context", context);
        }

        foreach (var (positional, option) in new[] { ("target", "--target"), ("name", "--name"), ("migration", "--migration"), ("from", "--from"), ("to", "--to") })
        {
            if (line.Positional(positional) is { } value)
            {
                yield return (option, value);
            }
        }

        foreach (var option in line.CommandOptions())
        {
            yield return option;
        }

        if (line.Verbose)
        {
            yield return ("--verbose", null);
        }

        if (line.NoColor)
        {
            yield return ("--no-color", null);
        }
    }
}
