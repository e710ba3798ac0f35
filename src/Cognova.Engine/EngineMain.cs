using Cognova.Engine.Build;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.ReadyToRun;
using Cognova.Engine.WarmUp;
using Cognova.Protocol;
using Cognova.Secrets;

namespace Cognova.Engine;

/// <summary>
/// The design host's commands. <see cref="HostLauncher"/> runs this in the load context that serves
/// precompiled (ReadyToRun) images of the application's packages, or directly when those are off.
/// </summary>
internal static class EngineMain
{
    // Exit codes: 0 no errors, 1 errors were reported as diagnostics, 2 bad command line,
    // 3 the host itself failed (the task turns stderr into COG0001), 4 a warm start's dependencies changed (WarmStart).
    //
    // The application runs in this process and may write to the console (its logging, an exception that
    // quotes its connection string): everything that reaches standard error, and the diagnostics channel
    // of a build, is masked line by line. dotnet cognova keeps its standard output for data (SQL scripts).
    public static int Run(string[] args)
    {
        Console.SetError(new MaskingTextWriter(Console.Error));

        string? warmStart = null;
        if (args.Length > 0 && args[0] is WarmStart.Command or SpareHost.Command)
        {
            var request = AwaitRequest(args, out var exitCode, out var warmUp);
            TraceHostStart(request is null ? $"{args[0]} unused" : $"{args[0]} {request[0]}");
            if (request is null)
            {
                if (exitCode == WarmStart.StaleExitCode)
                {
                    WarmStartHost.Finish(Console.Out, Console.Error, exitCode);
                }

                return exitCode;
            }

            args = [.. request];
            warmStart = warmUp;
        }
        else
        {
            TraceHostStart(args.FirstOrDefault() ?? "");
        }

        var code = RunCommand(args, warmStart);
        if (warmStart is not null)
        {
            WarmStartHost.Finish(Console.Out, Console.Error, code);
        }

        return code;
    }

    /// <summary>A warm start's request from standard input, or a spare host's from its pipe (see <see cref="SpareHostServer"/>).</summary>
    private static IReadOnlyList<string>? AwaitRequest(string[] args, out int exitCode, out string warmUp)
    {
        if (args[0] == WarmStart.Command)
        {
            return WarmStartHost.AwaitRequest(args, Console.In, out exitCode, out warmUp);
        }

        try
        {
            var request = SpareHostServer.AwaitRequest(args, out exitCode, out warmUp, out var output);
            if (output is not null)
            {
                Console.SetOut(output.Writer(SpareHost.OutputLine));
                Console.SetError(new MaskingTextWriter(output.Writer(SpareHost.ErrorLine)));
            }

            return request;
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine("Cognova.Build design host: " + ex.Message);
            exitCode = 2;
            warmUp = "";
            return null;
        }
    }

    /// <param name="warmStart">What the warm-up had done when the request came; null for a host started for the command.</param>
    private static int RunCommand(string[] args, string? warmStart)
    {
        try
        {
            var arguments = EngineRequest.Read(args);
            if (arguments.Command is "check" or "approve" or "bundle")
            {
                Console.SetOut(new MaskingTextWriter(Console.Out));
            }

            var diagnostics = new DiagnosticWriter(Console.Out);
            var log = new HostLog(Console.Out, arguments.Verbose);
            if (warmStart is not null)
            {
                log.Verbose("warm start: " + warmStart);
            }

            switch (arguments.Command)
            {
                case "check":
                case "approve":
                case "bundle":
                    CheckCommand.Run(arguments, diagnostics, log);
                    log.Verbose(LoadReport());
                    break;
                case var command when Cognova.Engine.Tool.CliCommands.Handles(command):
                    // dotnet cognova (the Cognova.Cli tool): each command returns its own exit code.
                    return Cognova.Engine.Tool.CliCommands.Run(arguments);
                default:
                    throw new UsageException($"unknown command '{arguments.Command}'");
            }

            return diagnostics.ErrorCount > 0 ? 1 : 0;
        }
        catch (Exception ex) when (ex is UsageException or EngineRequestException)
        {
            Console.Error.WriteLine("Cognova.Build design host: " + SecretMasker.MaskText(ex.Message));
            return 2;
        }
        catch (Exception ex)
        {
            // A stack trace only for those who asked for detail (CognovaVerbose).
            var detail = args.Contains("--verbose") ? ex.ToString() : $"{ex.GetType().Name}: {ex.Message}";
            Console.Error.WriteLine("Cognova.Build design host failed: " + SecretMasker.MaskText(detail));
            return 3;
        }
    }

    /// <summary>How many of the application's assemblies came precompiled (see ReadyToRun/HostLauncher.cs).</summary>
    private static string LoadReport()
        => AppContext.GetData(HostLauncher.ReportKey) is Func<string> report ? report() : "precompiled images: not reported";

    // COGNOVA_HOST_TRACE_FILE lets a test (or a curious user) see every start of the host, with what it ran.
    private static void TraceHostStart(string command)
    {
        var trace = Environment.GetEnvironmentVariable("COGNOVA_HOST_TRACE_FILE");
        if (!string.IsNullOrEmpty(trace))
        {
            File.AppendAllText(trace, $"{DateTimeOffset.UtcNow:O} {Environment.ProcessId} {command}{Environment.NewLine}");
        }
    }
}
