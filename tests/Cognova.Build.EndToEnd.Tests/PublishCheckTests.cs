using Cognova.Build.Testing;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// <c>dotnet publish</c> checks and stages the migration bundle in one start of the design host when the
/// build's check is as strict as the bundle's; otherwise the bundle's own strict check still runs.
/// </summary>
public sealed class PublishCheckTests
{
    private static LocalPackageFeed Feed => LocalPackageFeed.Instance;

    [Fact]
    public void A_publish_starts_the_design_host_once_unless_the_builds_check_is_less_strict_than_the_bundles()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        var output = Path.Combine(project.Root, "publish");

        var publish = project.Run("publish", "-o", output);

        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.True(File.Exists(Path.Combine(output, "efbundle")), publish.ToString());
        Assert.Equal(1, project.HostStarts);

        // Drift only a warning: the build's check cannot stand in for the bundle's, which runs after it.
        var lenient = project.Run("publish", "-o", output, "-p:CognovaDriftCheck=warning");

        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Equal(3, project.HostStarts);
        Assert.Equal(["check", "check", "bundle"], File.ReadAllLines(project.HostTraceFile).Select(l => l.Split(' ')[^1]));
    }
}
