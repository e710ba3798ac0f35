using Cognova.Migrations.Tooling;
using Cognova.Protocol;
using Cognova.Secrets;

namespace Cognova.Engine.Tool;

/// <summary>
/// The commands of <c>dotnet cognova</c>, run in this host inside the application's dependency graph.
/// The tool finds and builds the project, then starts the host with one of these commands and the
/// user's own terminal; the host returns one of <see cref="ExitCodes"/>.
/// </summary>
public static class CliCommands
{
    internal static int Run(EngineRequest arguments)
    {
        // Before any method that names a Cognova.Migrations type is compiled: it loads from beside the host.
        HostAssemblyResolver.Register();
        return RunCommand(arguments);
    }

    private static int RunCommand(EngineRequest arguments)
    {
        var console = CliConsole.FromEnvironment(arguments.NoColor, arguments.Verbose);
        // Step timings go to standard error: standard output may be a script piped into a file.
        var log = new HostLog(Console.Error, arguments.Verbose);

        // The application runs in this process (its host builder, to create the DbContext): whatever it
        // writes to the console (its logger's "Executed DbCommand" lines) must not mix with the
        // command's output, which may be JSON or SQL. The console above keeps the real standard output.
        var standardOutput = Console.Out;
        Console.SetOut(arguments.Verbose ? new MaskingTextWriter(Console.Error) : TextWriter.Null);
        try
        {
            return Dispatch(arguments, console, log);
        }
        catch (CliException ex)
        {
            console.Error(ex.Message);
            return ex.ExitCode;
        }
        catch (UsageException ex)
        {
            console.Error(ex.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception ex) when (Cognova.Migrations.DatabaseErrors.IsConnectionProblem(ex))
        {
            console.Error("Cannot reach the database: " + Cognova.Migrations.DatabaseErrors.Describe(ex));
            return ExitCodes.DatabaseUnreachable;
        }
        catch (Exception ex)
        {
            console.Error(arguments.Verbose ? SecretMasker.MaskText(ex.ToString()) : $"{ex.GetType().Name}: {SecretMasker.MaskText(ex.Message)}");
            return ExitCodes.Failed;
        }
        finally
        {
            Console.SetOut(standardOutput);
        }
    }

    // Each command sits behind its own method, so that a command's EF Core and Npgsql types are only
    // loaded when that command runs.
    private static int Dispatch(EngineRequest arguments, CliConsole console, HostLog log) => arguments.Command switch
    {
        "status" => StatusCommand.Run(CliSession.Open(arguments, console, log)),
        "migrate" => MigrateCommand.Run(CliSession.Open(arguments, console, log)),
        "script" => ScriptCommand.Run(CliSession.Open(arguments, console, log)),
        "generate" => GenerateCommand.Run(CliSession.Open(arguments, console, log)),
        "inspect" => InspectCommand.Run(CliSession.Open(arguments, console, log)),
        "review" => ReviewCommand.Run(CliSession.Open(arguments, console, log)),
        "baseline" => BaselineCommand.Run(CliSession.Open(arguments, console, log)),
        "push" => PushCommand.Run(CliSession.Open(arguments, console, log)),
        "describe" => DescribeCommand.Run(CliSession.OpenEvery(arguments, console, log)),
        "studio" => StudioCommand.Run(CliSession.OpenEvery(arguments, console, log)),
        "types" => TypesCommand.Run(arguments, console, log),
        _ => throw new UsageException($"unknown command '{arguments.Command}'"),
    };
}
