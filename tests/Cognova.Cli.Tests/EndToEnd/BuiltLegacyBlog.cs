using Cognova.Build.Testing;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// A copy of the LegacyBlog fixture (four migrations written the way EF Core 2.x wrote them), built once
/// by the tool itself; the tests run with --no-build against it.
/// </summary>
public sealed class BuiltLegacyBlog : IDisposable
{
    public BuiltLegacyBlog()
    {
        Project = TestProject.FromFixture("LegacyBlog");
        var build = InstalledTool.Instance.Run(Project.Directory, "script", "--output", Path.Combine(Project.Root, "first.sql"));
        build.AssertExit(ExitCodes.Success);
    }

    public TestProject Project { get; }

    public ProcessResult Tool(params string[] arguments) => InstalledTool.Instance.Run(Project.Directory, [.. arguments, "--no-build"]);

    public void Dispose() => Project.Dispose();
}
