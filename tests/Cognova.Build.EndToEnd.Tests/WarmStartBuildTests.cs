using Cognova.Build.Testing;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// The warm start through the real <c>dotnet build</c>: after an edit, the design host starts before the compiler and
/// the check runs in it, with the findings a cold host has; a build that fails to compile ends the host it started.
/// With <c>CognovaSpareHost</c>, a check starts the next build's host, and the next build's check runs there.
/// </summary>
public sealed class WarmStartBuildTests
{
    private const string InitFile = "Migrations/20261125170003_Init.cs";

    private static LocalPackageFeed Feed => LocalPackageFeed.Instance;

    [Fact]
    public void A_build_after_an_edit_checks_in_the_host_started_before_the_compiler_and_finds_what_a_cold_host_finds()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        Assert.Equal(0, project.Build().ExitCode);

        // An edited locked migration: a finding only the migrations' SQL shows, not the model.
        project.Replace(InitFile, "name = table.Column<string>(type: \"text\", nullable: false)", "name = table.Column<string>(type: \"character varying(100)\", nullable: false)");
        var warm = project.Build("-p:CognovaVerbose=true");

        Assert.True(warm.ExitCode != 0, warm.ToString());
        Assert.Contains("running in the design host started before the compiler", warm.Output);
        Assert.Contains("warm start: ", warm.Output);
        Assert.Equal(project.PathOf(InitFile), warm.Single("COG3001").File);
        Assert.Equal(["check", "warm-start check"], Commands(project));

        project.Write("Program.cs", "Console.WriteLine(\"Shop, edited\");\n");
        var cold = project.Build("-p:CognovaWarmStart=false");

        Assert.Equal(["check", "warm-start check", "check"], Commands(project));
        Assert.Equal(warm.CognovaProblems, cold.CognovaProblems);
    }

    [Fact]
    public void A_check_starts_a_spare_host_that_runs_the_next_builds_check_and_finds_what_a_cold_host_finds()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        using var hosts = new HostProcesses();
        var first = project.Build("-p:CognovaSpareHost=true", "-p:CognovaVerbose=true");
        Assert.Equal(0, first.ExitCode);
        var firstSpare = Assert.Single(hosts.SparesStartedBy(first));

        project.Replace(InitFile, "name = table.Column<string>(type: \"text\", nullable: false)", "name = table.Column<string>(type: \"character varying(100)\", nullable: false)");
        var spare = project.Build("-p:CognovaSpareHost=true", "-p:CognovaVerbose=true");
        Assert.Single(hosts.SparesStartedBy(spare));

        Assert.True(spare.ExitCode != 0, spare.ToString());
        Assert.Contains("running in the spare design host the last build started", spare.Output);
        Assert.Contains("as the spare host of the last build", spare.Output);
        Assert.Equal(project.PathOf(InitFile), spare.Single("COG3001").File);
        Assert.Equal(["check", "spare-host check"], Commands(project));
        Assert.True(HostProcesses.Ended(firstSpare), $"the spare host {firstSpare} did not end after its build");

        project.Write("Program.cs", "Console.WriteLine(\"Shop, edited\");\n");
        var cold = project.Build("-p:CognovaWarmStart=false");

        Assert.Equal(["check", "spare-host check", "check"], Commands(project));
        Assert.Equal(spare.CognovaProblems, cold.CognovaProblems);
    }

    [Fact]
    public void A_build_that_does_not_compile_ends_the_host_it_started()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        Assert.Equal(0, project.Build().ExitCode);

        project.Write("Program.cs", "this is not C#\n");
        var broken = project.Build();

        Assert.True(broken.ExitCode != 0, broken.ToString());
        Assert.Contains("error CS", broken.Output);
        Assert.Equal(["check", "warm-start unused"], Commands(project));
        var process = int.Parse(File.ReadAllLines(project.HostTraceFile)[^1].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(HostProcesses.IsRunning(process), $"the design host {process} outlived the build");
    }

    /// <summary>What each start of the host ran, in order (the trace line after its time and process id).</summary>
    private static string[] Commands(TestProject project)
        => [.. File.ReadAllLines(project.HostTraceFile).Select(line => string.Join(' ', line.Split(' ').Skip(2)))];
}
