using System.Text.Json;
using Cognova.Engine.Tool;
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
        var (invocation, exitCode) = new CommandLine().Read(args, Console.Out, new MaskingTextWriter(Console.Error));
        if (invocation is null)
        {
            return exitCode;
        }

        var console = CliConsole.FromEnvironment(invocation.Common.NoColor, invocation.Common.Verbose);
        try
        {
            return Execute(invocation, console);
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

    private static int Execute(ToolInvocation invocation, CliConsole console)
    {
        var (common, request) = (invocation.Common, invocation.Request);
        switch (request.Command)
        {
            case "generate" when string.IsNullOrWhiteSpace(request.Name):
                throw new CommandLineException("Name the migration: dotnet cognova generate <Name>, e.g. dotnet cognova generate AddTagColor.");
            case "review" when request.Approve is not null && string.IsNullOrWhiteSpace(request.Reason):
                throw new CommandLineException("An approval needs a reason: dotnet cognova review --approve <migration> --reason \"<why this is safe>\".");
            case "review" when request.Reason is not null && request.Approve is null:
                throw new CommandLineException("--reason goes with --approve <migration>.");
            case "baseline" when string.IsNullOrWhiteSpace(request.Reason) && request.ReasonFile is null
                                 && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("COGNOVA_APPROVE_REASON")):
                throw new CommandLineException("A baseline needs a reason: dotnet cognova baseline --reason \"<why this history is safe>\" (or --reason-file <path>, or the COGNOVA_APPROVE_REASON variable).");
        }

        var projects = ToolProjects.Locate(common.Project, common.StartupProject, Environment.CurrentDirectory);
        var build = new ProjectBuilder.Options(projects.Startup ?? projects.Project, !common.NoBuild, common.Configuration, common.Framework);
        var (project, startup) = Prepare(projects, build, console);
        request = request with
        {
            // The model description is of every DbContext unless --context names one, whatever the build checks.
            Context = common.Context ?? (request.Command == "describe" ? null : project.DefaultContext),
            Verbose = common.Verbose,
            NoColor = common.NoColor,
        };

        if (request.Command == "studio")
        {
            return StudioRunner.Run(project, startup, request, invocation.Studio, console);
        }

        if (request.Command != "generate")
        {
            return DesignHost.Run(project, startup, request);
        }

        // generate: scaffold the files, compile them, then show and lock the new migration.
        var resultFile = Path.Combine(Path.GetTempPath(), $"cognova-generate-{Guid.NewGuid():N}.json");
        try
        {
            var exitCode = DesignHost.Run(project, startup, request with { ResultFile = resultFile });
            if (exitCode != ExitCodes.Success)
            {
                return exitCode;
            }

            var migration = JsonDocument.Parse(File.ReadAllText(resultFile)).RootElement.GetProperty("migration").GetString()!;
            (project, startup) = Prepare(projects, build with { Build = true }, console);
            return DesignHost.Run(project, startup, request with { Command = "inspect", Name = null, Migration = migration });
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
}
