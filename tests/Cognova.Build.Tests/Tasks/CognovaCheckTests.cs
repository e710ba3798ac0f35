extern alias tasks;

using tasks::Cognova.Build.Tasks;

namespace Cognova.Build.Tests.Tasks;

/// <summary>
/// The task with a stand-in for <c>dotnet</c>: a shell script that records its arguments and prints
/// what the design host would print, so the task's command line and its reading of the output are
/// tested without starting a real host.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CognovaCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-task-").FullName;
    private readonly FakeBuildEngine _engine = new();

    [Fact]
    public void Passes_the_application_runtime_files_and_settings_to_the_host()
    {
        var task = Task(FakeDotNet(exitCode: 0, stdout: ""));
        task.ProbingPaths = ["/nuget/packages/", "/fallback"];
        task.DbContexts = "AppDbContext";
        task.DriftCheck = "warning";

        Assert.True(task.Execute());

        var arguments = File.ReadAllLines(Path.Combine(_directory, "args.txt"));
        Assert.Equal(
            [
                "exec", "--depsfile", "/app/bin/App.deps.json", "--runtimeconfig", "/app/bin/App.runtimeconfig.json",
                "--additionalprobingpath", "/nuget/packages", "--additionalprobingpath", "/fallback",
                "/pkg/tools/net10.0/Cognova.Build.Design.dll", "check",
                "--assembly", "/app/bin/App.dll", "--project", "/app/App.csproj", "--project-dir", "/app",
                "--root-namespace", "App", "--context", "AppDbContext", "--drift", "warning", "--sources", "/app/obj/App.cognova.sources",
            ],
            arguments);
    }

    [Fact]
    public void Turns_host_diagnostics_into_msbuild_errors_and_warnings_with_code_file_and_line()
    {
        var task = Task(FakeDotNet(exitCode: 1, stdout: """
            /app/Migrations/Snapshot.cs(14,13): error COG1001: AppDbContext: 1 change
                - column tags.a: added
            /app/App.csproj: warning COG0005: odd setting
            cognova: done
            """));

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("COG1001", "/app/Migrations/Snapshot.cs", 14, 13), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.Equal("AppDbContext: 1 change\n- column tags.a: added", error.Message);
        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal(("COG0005", "/app/App.csproj"), (warning.Code, warning.File));
    }

    [Fact]
    public void A_host_that_fails_without_diagnostics_becomes_COG0001_with_its_stderr()
    {
        var task = Task(FakeDotNet(exitCode: 3, stdout: "", stderr: "Cognova.Build design host failed: InvalidOperationException: boom"));

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("COG0001", error.Code);
        Assert.Equal("/app/App.csproj", error.File);
        Assert.Contains("exit code 3", error.Message);
        Assert.Contains("InvalidOperationException: boom", error.Message);
    }

    [Fact]
    public void Info_diagnostics_are_messages_and_do_not_fail_the_build()
    {
        var task = Task(FakeDotNet(exitCode: 0, stdout: "/app/App.csproj: info COG0004: No DbContext found"));

        Assert.True(task.Execute());

        Assert.Empty(_engine.Errors);
        Assert.Contains(_engine.Messages, m => m.Code == "COG0004" && m.Message == "No DbContext found");
    }

    [Fact]
    public void What_the_host_prints_without_masking_it_a_crash_or_the_applications_own_output_is_masked_in_the_build_log()
    {
        var task = Task(FakeDotNet(
            exitCode: 134,
            stdout: "app log: connecting with Host=db;PSW='Sec''ret0ne';Database=shop",
            stderr: "Unhandled exception. System.ArgumentException: Couldn't set tw0half;database (Parameter 'tw0half;database')"));
        task.Verbose = true;

        Assert.False(task.Execute());

        var logged = string.Join("\n", _engine.Errors.Select(e => e.Message).Concat(_engine.Messages.Select(m => m.Message)));
        Assert.Contains("Couldn't set ***", logged);
        Assert.DoesNotContain("ret0ne", logged);
        Assert.DoesNotContain("tw0half", logged);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private CognovaCheck Task(string dotnet) => new()
    {
        BuildEngine = _engine,
        DotNetHostPath = dotnet,
        HostAssembly = "/pkg/tools/net10.0/Cognova.Build.Design.dll",
        ApplicationAssembly = "/app/bin/App.dll",
        DepsFile = "/app/bin/App.deps.json",
        RuntimeConfigFile = "/app/bin/App.runtimeconfig.json",
        ProjectFile = "/app/App.csproj",
        ProjectDirectory = "/app/",
        RootNamespace = "App",
        SourcesFile = "/app/obj/App.cognova.sources",
    };

    private string FakeDotNet(int exitCode, string stdout, string stderr = "")
    {
        var stdoutFile = Path.Combine(_directory, "stdout.txt");
        var stderrFile = Path.Combine(_directory, "stderr.txt");
        File.WriteAllText(stdoutFile, stdout + "\n");
        File.WriteAllText(stderrFile, stderr);
        var script = Path.Combine(_directory, "dotnet");
        File.WriteAllText(script, $"""
            #!/bin/sh
            printf '%s\n' "$@" > '{_directory}/args.txt'
            cat '{stdoutFile}'
            cat '{stderrFile}' >&2
            exit {exitCode}

            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
