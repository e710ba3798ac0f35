using System.IO.Pipes;
using System.Text;
using Cognova.Engine.WarmUp;
using Cognova.Protocol;

namespace Cognova.Build.Tests.WarmUp;

/// <summary>The spare host's side of its pipe: the request read from it, its two output streams written to it.</summary>
public sealed class SpareHostTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-spare-").FullName;

    [Fact]
    public void Each_whole_line_goes_out_once_led_by_its_stream_and_a_flush_does_not_split_one()
    {
        using var pipe = new MemoryStream();
        var lines = new PipeLines(pipe);
        var output = lines.Writer(SpareHost.OutputLine);
        var error = lines.Writer(SpareHost.ErrorLine);

        output.Write("first\nsec");
        output.Flush();
        error.WriteLine("an error, with a CRLF\r");
        output.Write("ond\n");
        error.Write("last words");
        error.Dispose();

        Assert.Equal("ofirst\nean error, with a CRLF\nosecond\nelast words\n", Encoding.UTF8.GetString(pipe.ToArray()));
    }

    [Fact]
    public void Once_the_build_has_gone_the_lines_are_dropped_and_the_run_goes_on()
    {
        var pipe = new MemoryStream();
        var output = new PipeLines(pipe).Writer(SpareHost.OutputLine);
        pipe.Dispose();

        output.WriteLine("nobody reads this");
        output.WriteLine("nor this");
    }

    [Fact]
    public async Task A_build_that_connects_gets_its_request_run_and_the_output_comes_back_on_the_pipe()
    {
        var (deps, runtimeConfig) = RuntimeFiles();
        var name = PipeName();
        var host = Task.Run(() => (SpareHostServer.AwaitRequest([SpareHost.Command, deps, runtimeConfig, name, "60"], out var exitCode, out var warmUp, out var output), exitCode, warmUp, output));

        using var client = Connect(name);
        client.Write(Encoding.UTF8.GetBytes(WarmStart.Encode(["check", "--reason", "tab\there"]) + "\n"));
        var (request, code, warmUp, output) = await host;
        output!.Writer(SpareHost.ErrorLine).WriteLine("to the build");

        Assert.Equal(["check", "--reason", "tab\there"], request);
        Assert.Equal(0, code);
        Assert.Contains("as the spare host of the last build", warmUp);
        Assert.Equal("eto the build", new StreamReader(client).ReadLine());
    }

    [Fact]
    public async Task A_spare_host_whose_deps_file_changed_while_it_waited_runs_nothing()
    {
        var (deps, runtimeConfig) = RuntimeFiles();
        var name = PipeName();
        var host = Task.Run(() => (SpareHostServer.AwaitRequest([SpareHost.Command, deps, runtimeConfig, name, "60"], out var exitCode, out _, out var output), exitCode, output));

        using var client = Connect(name);
        HostRuntimeFiles.AddPackage(deps);
        client.Write(Encoding.UTF8.GetBytes(WarmStart.Encode(["check"]) + "\n"));
        var (request, code, output) = await host;

        Assert.Null(request);
        Assert.Equal(WarmStart.StaleExitCode, code);
        Assert.NotNull(output);
    }

    [Fact]
    public void A_spare_host_no_build_comes_for_exits_after_its_idle_time()
    {
        var (deps, runtimeConfig) = RuntimeFiles();

        var request = SpareHostServer.AwaitRequest([SpareHost.Command, deps, runtimeConfig, PipeName(), "1"], out var exitCode, out _, out var output);

        Assert.Null(request);
        Assert.Equal(0, exitCode);
        Assert.Null(output);
    }

    [Fact]
    public async Task A_second_spare_host_for_the_same_pipe_leaves_it_to_the_first()
    {
        var (deps, runtimeConfig) = RuntimeFiles();
        var name = PipeName();
        using var first = new NamedPipeServerStream(name, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous | PipeOptions.CurrentUserOnly);

        var second = Task.Run(() => SpareHostServer.AwaitRequest([SpareHost.Command, deps, runtimeConfig, name, "60"], out _, out _, out _));

        Assert.Null(await second.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("soon")]
    public void A_spare_host_without_a_sensible_idle_time_is_a_usage_error(string idle)
    {
        var (deps, runtimeConfig) = RuntimeFiles();

        Assert.Throws<Cognova.Engine.UsageException>(() => SpareHostServer.AwaitRequest([SpareHost.Command, deps, runtimeConfig, PipeName(), idle], out _, out _, out _));
    }

    [Fact]
    public void The_pipe_name_is_one_per_user_host_and_application_and_fits_a_socket_path()
    {
        var name = SpareHost.PipeName("dotnet\nexec App.dll", "/app/bin/App.dll", "dev");

        Assert.Equal(name, SpareHost.PipeName("dotnet\nexec App.dll", "/app/bin/App.dll", "dev"));
        Assert.NotEqual(name, SpareHost.PipeName("dotnet\nexec App.dll", "/app/bin/App.dll", "other"));
        Assert.NotEqual(name, SpareHost.PipeName("dotnet\nexec App.dll\nDOTNET_gcServer=1", "/app/bin/App.dll", "dev"));
        Assert.NotEqual(name, SpareHost.PipeName("dotnet\nexec App.dll", "/other/bin/App.dll", "dev"));
        Assert.Matches("^cognova-[0-9a-f]{24}$", name);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string PipeName() => "cognova-test-" + Guid.NewGuid().ToString("N")[..12];

    private static NamedPipeClientStream Connect(string name)
    {
        var client = new NamedPipeClientStream(".", name, PipeDirection.InOut, PipeOptions.CurrentUserOnly);
        client.Connect(TimeSpan.FromSeconds(30));
        return client;
    }

    private (string Deps, string RuntimeConfig) RuntimeFiles() => HostRuntimeFiles.Write(_directory);
}
