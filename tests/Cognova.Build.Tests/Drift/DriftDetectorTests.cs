using Cognova.Engine;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Drift;
using Cognova.Engine.WarmUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cognova.Build.Tests.Drift;

/// <summary>The snapshot finalized on another thread while the caller goes on gives what finalizing it in line gives.</summary>
public sealed class DriftDetectorTests
{
    private static readonly HostReporter Reporter = new(new HostLog(TextWriter.Null, verbose: false));

    [Fact]
    public void A_snapshot_that_matches_the_model_shows_no_drift_either_way()
    {
        using var context = new WarmUpContext();

        var background = DriftDetector.Detect(context, Reporter, DriftDetector.StartFinalizing(context, Reporter, Task.FromResult<ModelSnapshot?>(new WarmUpSnapshot())));

        Assert.Empty(background.Differences);
        Assert.Equal(nameof(WarmUpSnapshot), background.SnapshotTypeName);
        Assert.Empty(DriftDetector.Detect(context, Reporter, new WarmUpSnapshot()).Differences);
    }

    [Fact]
    public void A_snapshot_of_another_model_shows_the_same_differences_either_way()
    {
        using var context = new OneTableContext();

        var background = DriftDetector.Detect(context, Reporter, DriftDetector.StartFinalizing(context, Reporter, Task.FromResult<ModelSnapshot?>(new WarmUpSnapshot())));
        var inline = DriftDetector.Detect(context, Reporter, new WarmUpSnapshot());

        Assert.NotEmpty(background.Differences);
        Assert.Equal(inline.Differences.Select(d => d.GetType().Name + " " + d), background.Differences.Select(d => d.GetType().Name + " " + d));
    }

    [Fact]
    public void Without_a_loaded_snapshot_the_context_has_none_and_nothing_is_compared()
    {
        using var context = new OneTableContext();

        var drift = DriftDetector.Detect(context, Reporter, DriftDetector.StartFinalizing(context, Reporter, Task.FromResult<ModelSnapshot?>(null)));

        Assert.Null(drift.SnapshotTypeName);
        Assert.Empty(drift.Differences);
    }

    private sealed class OneTableContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseNpgsql("Host=drift.invalid");

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Note>();
    }

    private sealed class Note
    {
        public int Id { get; set; }

        public string? Text { get; set; }
    }
}
