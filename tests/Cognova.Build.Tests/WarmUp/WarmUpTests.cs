using Cognova.Engine.WarmUp;
using Cognova.Protocol;

namespace Cognova.Build.Tests.WarmUp;

public sealed class WarmUpTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-warm-up-").FullName;

    [Fact]
    public void The_warm_up_snapshot_is_the_snapshot_of_the_warm_up_model_so_the_drift_path_runs_through_to_the_end()
    {
        using var context = new WarmUpContext();

        Assert.Empty(JitWarmUp.SnapshotDifferences(context));
    }

    [Fact]
    public void The_checks_warm_up_runs_through_the_cache_and_the_lock_to_the_end()
    {
        using var context = new WarmUpContext();

        var outcome = CheckWarmUp.Run(context);

        Assert.Empty(outcome.Problems);
        Assert.True(outcome.LockChanged);
        Assert.Equal(40, outcome.Migrations.Count);
        Assert.Single(outcome.Migrations, m => m.LockStatus == Cognova.Engine.Build.Results.MigrationLockStatus.LockedNow);
    }

    [Fact]
    public void The_warm_up_runs_without_a_database()
        => JitWarmUp.Run();

    [Fact]
    public void A_warm_host_returns_the_request_it_reads()
    {
        var (deps, runtimeConfig) = RuntimeFiles();
        var request = WarmStart.Encode(["check", "--assembly", "/app/bin/App.dll", "--reason", "line\none"]);

        var arguments = WarmStartHost.AwaitRequest([WarmStart.Command, deps, runtimeConfig], new StringReader(request + "\n"), out var exitCode, out var warmUp);

        Assert.Equal(["check", "--assembly", "/app/bin/App.dll", "--reason", "line\none"], arguments);
        Assert.Equal(0, exitCode);
        Assert.Contains("the request came after", warmUp);
    }

    [Fact]
    public void A_warm_host_whose_deps_file_changed_before_the_request_runs_nothing()
    {
        var (deps, runtimeConfig) = RuntimeFiles();
        var input = new ChangeOnRead(deps, WarmStart.Encode(["check"]));

        var arguments = WarmStartHost.AwaitRequest([WarmStart.Command, deps, runtimeConfig], input, out var exitCode, out _);

        Assert.Null(arguments);
        Assert.Equal(WarmStart.StaleExitCode, exitCode);
    }

    [Fact]
    public void A_warm_host_whose_input_ends_without_a_request_runs_nothing_and_exits_cleanly()
    {
        var (deps, runtimeConfig) = RuntimeFiles();

        var arguments = WarmStartHost.AwaitRequest([WarmStart.Command, deps, runtimeConfig], new StringReader(""), out var exitCode, out _);

        Assert.Null(arguments);
        Assert.Equal(0, exitCode);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (string Deps, string RuntimeConfig) RuntimeFiles() => HostRuntimeFiles.Write(_directory);

    /// <summary>Standard input of a build that added a package while the host waited: the deps file changes, then the request comes.</summary>
    private sealed class ChangeOnRead(string file, string line) : TextReader
    {
        public override string? ReadLine()
        {
            HostRuntimeFiles.AddPackage(file);
            return line;
        }
    }
}
