using System.Diagnostics;
using System.Text;

namespace Cognova.Cli;

/// <summary>Starts <c>dotnet</c>: the same one that runs this tool, so the SDK and runtime always match.</summary>
public static class DotNetProcess
{
    public static string Executable { get; } = FindExecutable();

    /// <summary>Runs <c>dotnet</c> with its output captured (MSBuild calls).</summary>
    public static (int ExitCode, string Output, string Error) Capture(IEnumerable<string> arguments, string workingDirectory)
    {
        var info = Start(arguments, workingDirectory);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        lock (output)
        {
            lock (error)
            {
                return (process.ExitCode, output.ToString(), error.ToString());
            }
        }
    }

    /// <summary>
    /// Runs <c>dotnet</c> on this tool's own standard streams (the design host), so it sees the user's
    /// terminal: its colours, its prompts, Ctrl+C. The tool ignores Ctrl+C meanwhile and lets the child end.
    /// </summary>
    public static int Inherit(IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var info = Start(arguments, workingDirectory);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        ConsoleCancelEventHandler ignore = (_, e) => e.Cancel = true;
        Console.CancelKeyPress += ignore;
        try
        {
            using var process = Process.Start(info)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= ignore;
        }
    }

    private static ProcessStartInfo Start(IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(Executable) { UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // One build process per call: nothing is left running after the tool exits.
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string FindExecutable()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        // Run as "dotnet cognova" from a tool manifest, the process is dotnet itself.
        var self = Environment.ProcessPath;
        if (self is not null && string.Equals(Path.GetFileName(self), name, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, name)))
        {
            return Path.Combine(root, name);
        }

        // The runtime this tool runs on lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var candidate = runtimeDirectory is null ? null : Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", name));
        return candidate is not null && File.Exists(candidate) ? candidate : name;
    }
}
