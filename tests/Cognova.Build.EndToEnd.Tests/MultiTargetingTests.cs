using Cognova.Build.Testing;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// A multi-targeted project (<c>&lt;TargetFrameworks&gt;netstandard2.0;net10.0&lt;/TargetFrameworks&gt;</c>, EF Core in
/// the net10.0 build only): the checks run once, in the net10.0 build, and the public targets work from
/// the outer build, as the command every finding prints is typed.
/// </summary>
public sealed class MultiTargetingTests
{
    private const string CleanupId = "20261125171358_Cleanup";

    [Fact]
    public void The_checks_run_once_and_approve_and_check_work_from_the_outer_build()
    {
        using var project = TestProject.FromFixture("Cleanup", LocalPackageFeed.Instance);
        project.Replace("Shop.csproj", "<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>netstandard2.0;net10.0</TargetFrameworks>");
        project.Replace("Shop.csproj", "  <ItemGroup>\n    <PackageReference Include=\"Npgsql", """
              <PropertyGroup Condition="'$(TargetFramework)' == 'netstandard2.0'">
                <OutputType>Library</OutputType>
                <ImplicitUsings>disable</ImplicitUsings>
                <Nullable>disable</Nullable>
              </PropertyGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'netstandard2.0'">
                <Compile Remove="**/*.cs" />
              </ItemGroup>

              <ItemGroup Condition="'$(TargetFramework)' == 'net10.0'">
                <PackageReference Include="Npgsql
            """.Replace("\r", ""));

        var blocked = project.Build();

        Assert.True(blocked.ExitCode != 0, blocked.ToString());
        Assert.Equal(["COG2101", "COG2102", "COG2105"], blocked.Errors.Select(e => e.Code).Order());
        Assert.Equal(1, project.HostStarts);

        var approve = project.Build("-t:CognovaApprove", "-p:CognovaApproveMigration=Cleanup", "-p:CognovaApproveReason=categories were never used");

        Assert.True(approve.ExitCode == 0, approve.ToString());
        Assert.DoesNotContain("MSB4057", approve.Output);
        Assert.Contains("categories were never used", project.Read("Migrations/migrations.lock.json"));
        Assert.Contains(CleanupId, project.Read("Migrations/migrations.lock.json"));

        var check = project.Build("-t:CognovaCheck");

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Empty(check.CognovaProblems);
        Assert.Equal(3, project.HostStarts);
    }
}
