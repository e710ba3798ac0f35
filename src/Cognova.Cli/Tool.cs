using System.Text.Json;
using Cognova.Build.Design.Cli;
using Cognova.Migrations.Tooling;
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
            return ExitCodes.UsageError;
        }

        var console = CliConsole.FromEnvironment(line.NoColor, line.Verbose);
        if (line.Help)
        {
            console.Line(Usage.For(line.Command));
            return ExitCodes.Success;
        }

        try
        {
            return Execute(line, console);
        }
        catch (CommandLineException ex)
        {
            console.Error(ex.Message);
            return ExitCodes.UsageError;
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
            case "baseline" when string.IsNullOrWhiteSpace(line.Value("--reason")) && line.Value("--reason-file") is null
                                 && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("COGNOVA_APPROVE_REASON")):
                throw new CommandLineException("A baseline needs a reason: dotnet cognova baseline --reason \"<why this history is safe>\" (or --reason-file <path>, or the COGNOVA_APPROVE_REASON variable).");
        }

        var projects = ToolProjects.Locate(line.Value("--project"), line.Value("--startup-project"), Environment.CurrentDirectory);
        var build = new ProjectBuilder.Options(projects.Startup ?? projects.Project, !line.NoBuild, line.Value("--configuration"), line.Value("--framework"));
        var (project, startup) = Prepare(projects, build, console);
        var options = HostOptions(line, project).ToList();

        if (line.Command != "generate")
        {
            return DesignHost.Run(project, startup, line.Command, options);
        }

        // generate: scaffold the files, compile them, then show and lock the new migration.
        var resultFile = Path.Combine(Path.GetTempPath(), $"cognova-generate-{Guid.NewGuid():N}.json");
        try
        {
            var exitCode = DesignHost.Run(project, startup, "generate", [.. options, ("--result-file", resultFile)]);
            if (exitCode != ExitCodes.Success)
            {
                return exitCode;
            }

            var migration = JsonDocument.Parse(File.ReadAllText(resultFile)).RootElement.GetProperty("migration").GetString()!;
            (project, startup) = Prepare(projects, build with { Build = true }, console);
            return DesignHost.Run(project, startup, "inspect", [.. options.Where(o => o.Name != "--name"), ("--migration", migration)]);
        }
        finally
        {
            File.Delete(resultFile);
        }
    }

    /// <summary>
    /// Builds the application (the startup project when given: its build builds the project with the
    /// migrations too) and reads the properties of both. The startup project's runtime files run the host.
    /// </summary>
    private static (ProjectProperties Project, ProjectProperties? Startup) Prepare(ToolProjects projects, ProjectBuilder.Options build, CliConsole console)
    {
        var application = ProjectBuilder.Run(build, console);
        var problem = application.Problem();
        if (problem is not null)
        {
            throw new ToolException(ExitCodes.UsageError, problem);
        }

        if (projects.Startup is null)
        {
            return (application, null);
        }

        var project = ProjectBuilder.Run(build with { ProjectFile = projects.Project, Build = false }, console);
        return string.IsNullOrEmpty(project.TargetPath) || !File.Exists(project.TargetPath)
            ? throw new ToolException(ExitCodes.UsageError, $"{Path.GetFileName(projects.Project)} was not built by {Path.GetFileName(projects.Startup)}: the startup project must reference the project with the migrations.")
            : (project, application);
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
