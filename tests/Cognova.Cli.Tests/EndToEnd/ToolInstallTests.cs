using Cognova.Build.Testing;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>The tool installs from the packed feed into a local tool manifest and runs as <c>dotnet cognova</c>.</summary>
public sealed class ToolInstallTests
{
    [Fact]
    public void The_tool_installs_into_a_local_tool_manifest_and_runs_as_dotnet_cognova()
    {
        var feed = LocalPackageFeed.Instance;
        var folder = Path.Combine(Path.GetTempPath(), "cognova-manifest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.Root, "global.json"), Path.Combine(folder, "global.json"));
            DotNet.Run(folder, "new", "tool-manifest").AssertExit(0);
            DotNet.Run(folder, "tool", "install", "Cognova.Cli", "--version", feed.Version, "--add-source", feed.Directory).AssertExit(0);

            var help = DotNet.Run(folder, "cognova", "--help");
            var badCommand = DotNet.Run(folder, "cognova", "frobnicate");
            var noProject = DotNet.Run(folder, "cognova", "status");

            help.AssertExit(ExitCodes.Success);
            Assert.Contains("dotnet cognova [command] [options]", help.Output);
            foreach (var command in new[] { "push", "generate", "review", "migrate", "status", "script" })
            {
                Assert.Contains($"  {command}", help.Output);
            }

            badCommand.AssertExit(ExitCodes.UsageError);
            Assert.Contains("Unknown command 'frobnicate'", badCommand.Error);
            noProject.AssertExit(ExitCodes.UsageError);
            Assert.Contains("No project file in", noProject.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
