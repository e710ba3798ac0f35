using System.Diagnostics;
using Cognova.Build.Testing;

namespace Cognova.Cli.Tests;

/// <summary>
/// The Cognova.Cli tool as a user gets it: packed into the local feed (every packable project is, once
/// per test run) and installed with <c>dotnet tool install --tool-path</c> into a temporary folder, once.
/// Commands run as <c>dotnet cognova …</c>, with that folder on PATH, without a terminal (standard input
/// is closed) unless a test gives input, and without the machine's DATABASE_URL.
/// </summary>
public sealed class InstalledTool
{
    private static readonly Lazy<InstalledTool> Shared = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    private InstalledTool(string directory) => Directory = directory;

    public static InstalledTool Instance => Shared.Value;

    /// <summary>The folder the tool is installed in (it holds <c>dotnet-cognova</c>).</summary>
    public string Directory { get; }

    public ProcessResult Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, [], arguments);

    public ProcessResult Run(string workingDirectory, Dictionary<string, string?> environment, params string[] arguments)
        => DotNet.Run(workingDirectory, Environment(environment), ["cognova", .. arguments]);

    /// <summary>Runs the tool with <paramref name="input"/> on its standard input (and <c>COGNOVA_INTERACTIVE=1</c>, so that it asks).</summary>
    public ProcessResult RunWithInput(string workingDirectory, string input, params string[] arguments)
    {
        var info = StartInfo(workingDirectory, new() { ["COGNOVA_INTERACTIVE"] = "1" }, arguments);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet cognova {string.Join(' ', arguments)} did not finish.");
        }

        return new ProcessResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    /// <summary>How to start <c>dotnet cognova …</c> with every stream redirected, for a command that keeps running (studio).</summary>
    public ProcessStartInfo StartInfo(string workingDirectory, Dictionary<string, string?> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("cognova");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Environment(environment))
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }

    private Dictionary<string, string?> Environment(Dictionary<string, string?> extra)
    {
        var variables = new Dictionary<string, string?>
        {
            // What dotnet test hands its children would confuse the builds the tool starts (DotNet.Run drops the same).
            ["MSBuildExtensionsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBuildSDKsPath"] = null,
            ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
            ["MSBUILDNOINPROCNODE"] = null,
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["PATH"] = Directory + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
            ["DATABASE_URL"] = null,
            ["COGNOVA_INTERACTIVE"] = null,
            ["DOTNET_ENVIRONMENT"] = null,
            ["ASPNETCORE_ENVIRONMENT"] = null,
            ["NO_COLOR"] = "1",
        };
        foreach (var (name, value) in extra)
        {
            variables[name] = value;
        }

        return variables;
    }

    private static InstalledTool Install()
    {
        var feed = LocalPackageFeed.Instance;
        var directory = Path.Combine(Path.GetTempPath(), "cognova-tool-" + Guid.NewGuid().ToString("N")[..8]);
        var result = DotNet.Run(feed.Directory, "tool", "install", "--tool-path", directory, "Cognova.Cli", "--version", feed.Version, "--add-source", feed.Directory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool install Cognova.Cli failed with exit code {result.ExitCode}:\n{result.All}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return new InstalledTool(directory);
    }
}

/// <summary>Assertions on what the tool did.</summary>
public static class ToolOutput
{
    /// <summary>Fails with everything the tool printed when the exit code is not the expected one.</summary>
    public static void AssertExit(this ProcessResult result, int expected)
        => Assert.True(result.ExitCode == expected, $"expected exit code {expected}, got {result.ExitCode}\n--- stdout ---\n{result.Output}\n--- stderr ---\n{result.Error}");
}
