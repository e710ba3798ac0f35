namespace Cognova.Build.Tasks.Tests;

/// <summary>
/// The warm start between the two tasks, with a stand-in for <c>dotnet</c>: a shell script that, started as the warm
/// host, reads the request line from standard input, keeps it, prints what the design host would print and exits.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WarmStartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-warm-").FullName;
    private readonly FakeBuildEngine _engine = new();

    [Fact]
    public void The_request_line_gives_back_every_argument_however_it_is_written()
    {
        string[] arguments = ["approve", "--reason", "tab\there, new\nline, back\\slash \\t not a tab\r", "", "ünïcödé ✓", "--x"];

        Assert.Equal(arguments, Cognova.Protocol.WarmStart.Decode(Cognova.Protocol.WarmStart.Encode(arguments)));
        Assert.DoesNotContain('\n', Cognova.Protocol.WarmStart.Encode(arguments));
    }

    [Fact]
    public void A_request_line_with_an_unknown_escape_is_refused()
        => Assert.Throws<FormatException>(() => Cognova.Protocol.WarmStart.Decode("check\t--x\\q"));

    [Fact]
    public void The_check_runs_in_the_host_started_before_the_compiler_with_the_request_it_would_have_started_a_host_with()
    {
        var dotnet = FakeDotNet(warmExitCode: 1, warmStdout: "/app/Data/Migrations/20240101_Drop.cs(9,13): error COG2102: Migration 20240101_Drop drops column name.");
        Assert.True(StartWarmHost(dotnet).Execute());
        Assert.Single(_engine.TaskObjects);

        var check = Check(dotnet);
        Assert.False(check.Execute());

        var warmArguments = File.ReadAllLines(Path.Combine(_directory, "warm-args.txt"));
        Assert.Equal(
            [
                "exec", "--depsfile", "/app/bin/App.deps.json", "--runtimeconfig", "/app/bin/App.runtimeconfig.json",
                "/pkg/tools/net10.0/Cognova.Engine.dll", "warm-start", "/app/bin/App.deps.json", "/app/bin/App.runtimeconfig.json",
            ],
            warmArguments);
        var request = Cognova.Protocol.WarmStart.Decode(File.ReadAllText(Path.Combine(_directory, "request.txt")).TrimEnd('\n'));
        Assert.Equal(check.Request().ToArguments(), request);
        Assert.False(File.Exists(Path.Combine(_directory, "args.txt")), "the check started a cold host as well");

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("COG2102", error.Code);
        Assert.Equal(9, error.LineNumber);
        Assert.Empty(_engine.TaskObjects);
    }

    [Fact]
    public void A_host_whose_dependencies_changed_runs_nothing_and_the_check_starts_its_own()
    {
        var dotnet = FakeDotNet(warmExitCode: Cognova.Protocol.WarmStart.StaleExitCode, warmStdout: "");
        StartWarmHost(dotnet).Execute();

        Assert.True(Check(dotnet).Execute());

        Assert.True(File.Exists(Path.Combine(_directory, "request.txt")));
        Assert.Contains("check", File.ReadAllLines(Path.Combine(_directory, "args.txt")));
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void A_host_started_on_other_runtime_files_is_not_used_and_is_ended()
    {
        var dotnet = FakeDotNet(warmExitCode: 0, warmStdout: "");
        var warm = StartWarmHost(dotnet);
        warm.DepsFile = "/elsewhere/App.deps.json";
        warm.Execute();

        Assert.True(Check(dotnet).Execute());

        Assert.Contains("check", File.ReadAllLines(Path.Combine(_directory, "args.txt")));
        // Ended by closing its standard input: it read end of input, not a request.
        Assert.Equal("", File.ReadAllText(Path.Combine(_directory, "request.txt")));
        Assert.Empty(_engine.TaskObjects);
    }

    [Fact]
    public void A_host_that_says_it_finished_is_not_waited_for_and_its_word_gives_the_exit_code()
    {
        var go = Path.Combine(_directory, "go");
        var dotnet = FakeDotNet(warmExitCode: 7, warmStdout: "/app/App.csproj : warning COG2301: a warning before the end.", finished: (0, go));
        StartWarmHost(dotnet).Execute();

        // Were the task waiting for the process, it would wait until the host gave up on the file (10 s), then see exit code 7.
        var passed = Check(dotnet).Execute();
        File.WriteAllText(go, "");

        Assert.True(passed);
        Assert.Empty(_engine.Errors);
        Assert.Equal("COG2301", Assert.Single(_engine.Warnings).Code);
    }

    [Fact]
    public void The_finished_line_is_read_back_and_no_other_line_is_taken_for_it()
    {
        Assert.Equal(1, Cognova.Protocol.WarmStart.ReadFinished(Cognova.Protocol.WarmStart.Finished(1)));
        Assert.Null(Cognova.Protocol.WarmStart.ReadFinished("cognova warm host finished, exit code 0"));
        Assert.Null(Cognova.Protocol.WarmStart.ReadFinished(Cognova.Protocol.WarmStart.FinishedMarker + "zero"));
    }

    public void Dispose()
    {
        foreach (var host in _engine.TaskObjects.Values.OfType<IDisposable>())
        {
            host.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private CognovaWarmStart StartWarmHost(string dotnet) => new()
    {
        BuildEngine = _engine,
        DotNetHostPath = dotnet,
        HostAssembly = "/pkg/tools/net10.0/Cognova.Engine.dll",
        ApplicationAssembly = "/app/bin/App.dll",
        DepsFile = "/app/bin/App.deps.json",
        RuntimeConfigFile = "/app/bin/App.runtimeconfig.json",
        EnvironmentVariables = ["DOTNET_TieredPGO=0"],
    };

    private CognovaCheck Check(string dotnet) => new()
    {
        BuildEngine = _engine,
        DotNetHostPath = dotnet,
        HostAssembly = "/pkg/tools/net10.0/Cognova.Engine.dll",
        ApplicationAssembly = "/app/bin/App.dll",
        DepsFile = "/app/bin/App.deps.json",
        RuntimeConfigFile = "/app/bin/App.runtimeconfig.json",
        ProjectFile = "/app/App.csproj",
        ProjectDirectory = "/app/",
        RootNamespace = "App",
        EnvironmentVariables = ["DOTNET_TieredPGO=0"],
    };

    /// <summary>
    /// As the warm host (its seventh argument is warm-start) it keeps its arguments and the request line, prints
    /// <paramref name="warmStdout"/> and exits with <paramref name="warmExitCode"/>; as a cold host it keeps its arguments and exits 0.
    /// With <paramref name="finished"/>, it then writes the finished line with that exit code on both streams, and waits
    /// for that file (10 s at most) before it exits.
    /// </summary>
    private string FakeDotNet(int warmExitCode, string warmStdout, (int ExitCode, string WaitFor)? finished = null)
    {
        var finish = finished is { } f
            ? $"""
              printf '%s\n' '{Cognova.Protocol.WarmStart.Finished(f.ExitCode)}' >&2
              printf '%s\n' '{Cognova.Protocol.WarmStart.Finished(f.ExitCode)}'
              i=0; while [ ! -f '{f.WaitFor}' ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
              """
            : "";
        var stdoutFile = Path.Combine(_directory, "warm-stdout.txt");
        File.WriteAllText(stdoutFile, warmStdout + "\n");
        var script = Path.Combine(_directory, "dotnet");
        File.WriteAllText(script, $"""
            #!/bin/sh
            if [ "$7" = "warm-start" ]; then
              printf '%s\n' "$@" > '{_directory}/warm-args.txt'
              IFS= read -r request
              printf '%s' "$request" > '{_directory}/request.txt'
              [ -n "$request" ] && printf '\n' >> '{_directory}/request.txt'
              cat '{stdoutFile}'
            {finish}
              exit {warmExitCode}
            fi
            printf '%s\n' "$@" > '{_directory}/args.txt'
            exit 0

            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
