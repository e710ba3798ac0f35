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

    /// <summary>True for the commands of <c>dotnet cognova</c> (the host's other commands are the build's).</summary>
    internal static bool Handles(string command) => Commands.ContainsKey(command);

    private static int Dispatch(EngineRequest arguments, CliConsole console, HostLog log)
        => Commands.TryGetValue(arguments.Command, out var run)
            ? run(arguments, console, log)
            : throw new UsageException($"unknown command '{arguments.Command}'");

    // Each command sits behind its own lambda, so that a command's EF Core and Npgsql types are only
    // loaded when that command runs.
    private static readonly Dictionary<string, Func<EngineRequest, CliConsole, HostLog, int>> Commands = new(StringComparer.Ordinal)
    {
        ["status"] = (arguments, console, log) => StatusCommand.Run(CliSession.Open(arguments, console, log)),
        ["migrate"] = (arguments, console, log) => MigrateCommand.Run(CliSession.Open(arguments, console, log)),
        ["script"] = (arguments, console, log) => ScriptCommand.Run(CliSession.Open(arguments, console, log)),
        ["generate"] = (arguments, console, log) => GenerateCommand.Run(CliSession.Open(arguments, console, log)),
        ["inspect"] = (arguments, console, log) => InspectCommand.Run(CliSession.Open(arguments, console, log)),
        ["review"] = (arguments, console, log) => ReviewCommand.Run(CliSession.Open(arguments, console, log)),
        ["baseline"] = (arguments, console, log) => BaselineCommand.Run(CliSession.Open(arguments, console, log)),
        ["push"] = (arguments, console, log) => PushCommand.Run(CliSession.Open(arguments, console, log)),
        ["describe"] = (arguments, console, log) => DescribeCommand.Run(CliSession.OpenEvery(arguments, console, log)),
        ["studio"] = (arguments, console, log) => StudioCommand.Run(CliSession.OpenEvery(arguments, console, log)),
        ["types"] = TypesCommand.Run,
    };
}
