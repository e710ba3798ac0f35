using System.IO.Pipes;
using System.Text;
using Cognova.Protocol;

namespace Cognova.Build.Tasks.Tests;

/// <summary>
/// The spare host between the tasks: the warm start claims the one listening on the pipe the build would name, the
/// check runs there, and a check starts the next one. A pipe server in the test stands in for the spare host, and a
/// shell script for <c>dotnet</c>: it keeps the arguments of each host it is asked to start.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SpareHostTests : IDisposable
{
    private const string DriftError = "/app/Data/Migrations/20240101_Drop.cs(9,13): error COG2102: Migration 20240101_Drop drops column name.";

    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-spare-").FullName;
    private readonly FakeBuildEngine _engine = new();
    private readonly string _dotnet;

    public SpareHostTests() => _dotnet = FakeDotNet();

    [Fact]
    public async Task The_warm_start_claims_the_spare_host_and_the_check_runs_there_with_its_request()
    {
        var received = Serve(request => [Line(SpareHost.ErrorLine, "a word on standard error"), Line(SpareHost.OutputLine, DriftError), Line(SpareHost.OutputLine, Cognova.Protocol.WarmStart.Finished(1))]);

        Assert.True(StartWarm().Execute());
        var check = Check();
        var passed = check.Execute();

        Assert.False(passed);
        Assert.Equal(check.Request().ToArguments(), await received);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("COG2102", 9), (error.Code, error.LineNumber));
        Assert.False(File.Exists(Started("warm-start")), "the warm start started a host beside the spare one");
        Assert.False(File.Exists(Started("check")), "the check started a cold host as well");
        Assert.Empty(_engine.TaskObjects);
    }

    [Fact]
    public async Task A_spare_host_whose_dependencies_changed_runs_nothing_and_the_check_starts_its_own()
    {
        var received = Serve(_ => [Line(SpareHost.OutputLine, Cognova.Protocol.WarmStart.Finished(Cognova.Protocol.WarmStart.StaleExitCode))]);
        StartWarm().Execute();

        Assert.True(Check().Execute());

        Assert.NotNull(await received);
        Assert.True(File.Exists(Started("check")));
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public async Task A_spare_host_that_goes_away_without_a_word_leaves_the_check_to_a_host_of_its_own()
    {
        var received = Serve(_ => []);
        StartWarm().Execute();

        Assert.True(Check().Execute());

        Assert.NotNull(await received);
        Assert.True(File.Exists(Started("check")));
    }

    [Fact]
    public async Task A_spare_host_that_goes_away_in_the_middle_fails_the_check_with_what_it_said()
    {
        var received = Serve(_ => [Line(SpareHost.ErrorLine, "Unhandled exception. System.OutOfMemoryException")]);
        StartWarm().Execute();

        Assert.False(Check().Execute());

        Assert.NotNull(await received);
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("COG0001", error.Code);
        Assert.Contains("exit code 3", error.Message);
        Assert.Contains("OutOfMemoryException", error.Message);
        Assert.False(File.Exists(Started("check")), "the check ran twice");
    }

    [Fact]
    public async Task A_spare_host_started_under_another_environment_is_not_this_builds()
    {
        var received = Serve(_ => [Line(SpareHost.OutputLine, Cognova.Protocol.WarmStart.Finished(0))]);
        Environment.SetEnvironmentVariable("COGNOVA_SPARE_TEST_SETTING", "changed since the last build");
        try
        {
            Assert.True(StartWarm().Execute());
        }
        finally
        {
            Environment.SetEnvironmentVariable("COGNOVA_SPARE_TEST_SETTING", null);
        }

        Assert.True(WaitFor(Started("warm-start")));
        Assert.False(received.IsCompleted, "the warm start claimed a spare host of another environment");
        // Still waiting for its build: a connection that sends nothing ends it.
        using (var claim = new NamedPipeClientStream(".", PipeName(), PipeDirection.InOut))
        {
            await claim.ConnectAsync(5000);
        }

        Assert.Null(await received);
    }

    [Fact]
    public void Without_a_spare_host_the_warm_start_starts_a_host_beside_the_compiler()
    {
        Assert.True(StartWarm().Execute());

        var host = Assert.Single(_engine.TaskObjects.Values.OfType<IDisposable>());
        host.Dispose();
        Assert.True(WaitFor(Started("warm-start")));
    }

    [Fact]
    public void A_check_starts_the_next_builds_spare_host_on_the_pipe_the_next_warm_start_looks_for()
    {
        var check = Check();
        check.SpareHost = true;
        check.SpareHostIdleMinutes = 2;

        Assert.True(check.Execute());

        Assert.True(WaitFor(Started("spare-host")));
        Assert.Equal(
            [
                "exec", "--depsfile", "/app/bin/App.deps.json", "--runtimeconfig", "/app/bin/App.runtimeconfig.json",
                "/pkg/tools/net10.0/Cognova.Engine.dll", "spare-host", "/app/bin/App.deps.json", "/app/bin/App.runtimeconfig.json",
                PipeName(), "120",
            ],
            File.ReadAllLines(Started("spare-host")));
    }

    [Fact]
    public void A_check_whose_host_failed_starts_no_spare_host()
    {
        File.WriteAllText(Path.Combine(_directory, "check-exit"), "3");
        var check = Check();
        check.SpareHost = true;

        Assert.False(check.Execute());

        Assert.Equal("COG0001", Assert.Single(_engine.Errors).Code);
        Assert.False(File.Exists(Started("spare-host")));
    }

    public void Dispose()
    {
        foreach (var host in _engine.TaskObjects.Values.OfType<IDisposable>())
        {
            host.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private CognovaWarmStart StartWarm() => new()
    {
        BuildEngine = _engine,
        DotNetHostPath = _dotnet,
        HostAssembly = "/pkg/tools/net10.0/Cognova.Engine.dll",
        ApplicationAssembly = "/app/bin/App.dll",
        DepsFile = "/app/bin/App.deps.json",
        RuntimeConfigFile = "/app/bin/App.runtimeconfig.json",
        EnvironmentVariables = ["DOTNET_TieredPGO=0"],
        SpareHost = true,
    };

    private CognovaCheck Check() => new()
    {
        BuildEngine = _engine,
        DotNetHostPath = _dotnet,
        HostAssembly = "/pkg/tools/net10.0/Cognova.Engine.dll",
        ApplicationAssembly = "/app/bin/App.dll",
        DepsFile = "/app/bin/App.deps.json",
        RuntimeConfigFile = "/app/bin/App.runtimeconfig.json",
        ProjectFile = "/app/App.csproj",
        ProjectDirectory = _directory,
        RootNamespace = "App",
        EnvironmentVariables = ["DOTNET_TieredPGO=0"],
    };

    /// <summary>The pipe the build names for this host and application (what both tasks compute).</summary>
    private string PipeName()
    {
        var exec = HostCommandLine.Exec("/app/bin/App.deps.json", "/app/bin/App.runtimeconfig.json", [], "/pkg/tools/net10.0/Cognova.Engine.dll");
        return HostCommandLine.SparePipeName(HostCommandLine.Identity(_dotnet, exec.ToString(), ["DOTNET_TieredPGO=0"]), "/app/bin/App.dll");
    }

    /// <summary>A spare host on the build's pipe: takes one build, reads its request and answers with the lines <paramref name="answer"/> gives.</summary>
    private Task<IReadOnlyList<string>?> Serve(Func<IReadOnlyList<string>, string[]> answer)
    {
        var server = new NamedPipeServerStream(PipeName(), PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous | PipeOptions.CurrentUserOnly);
        return Task.Run(async () =>
        {
            using (server)
            {
                await server.WaitForConnectionAsync();
                var line = await new StreamReader(server, Encoding.UTF8, false, 4096, leaveOpen: true).ReadLineAsync();
                if (line is null)
                {
                    return null;
                }

                var request = Cognova.Protocol.WarmStart.Decode(line);
                foreach (var reply in answer(request))
                {
                    await server.WriteAsync(Encoding.UTF8.GetBytes(reply + "\n"));
                }

                await server.FlushAsync();
                return request;
            }
        });
    }

    private static string Line(char stream, string text) => stream + text;

    /// <summary>The file where the fake <c>dotnet</c> keeps the arguments of the host it started with <paramref name="command"/>.</summary>
    private string Started(string command) => Path.Combine(_directory, command + "-args.txt");

    private static bool WaitFor(string file)
    {
        for (var i = 0; i < 100 && !File.Exists(file); i++)
        {
            Thread.Sleep(50);
        }

        return File.Exists(file);
    }

    /// <summary>Keeps its arguments in <c>&lt;command&gt;-args.txt</c> (the command is its seventh argument) and exits with the code in <c>check-exit</c>, or 0.</summary>
    private string FakeDotNet()
    {
        var script = Path.Combine(_directory, "dotnet");
        File.WriteAllText(script, $"""
            #!/bin/sh
            printf '%s\n' "$@" > '{_directory}/'"$7"'-args.tmp'
            mv '{_directory}/'"$7"'-args.tmp' '{_directory}/'"$7"'-args.txt'
            [ "$7" = "check" ] && [ -f '{_directory}/check-exit' ] && exit "$(cat '{_directory}/check-exit')"
            exit 0

            """);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
