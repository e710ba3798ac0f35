using Cognova.Build.Testing;
using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// A copy of the Store fixture (three migrations), built once by the tool itself (its first command
/// builds the project); the tests that do not change the project run with --no-build against it.
/// </summary>
public sealed class BuiltStore : IDisposable
{
    public BuiltStore()
    {
        Project = TestProject.FromFixture("Store");
        var build = InstalledTool.Instance.Run(Project.Directory, "script", "--output", Path.Combine(Project.Root, "first.sql"));
        build.AssertExit(ExitCodes.Success);
    }

    public TestProject Project { get; }

    public ProcessResult Tool(params string[] arguments) => ToolWith([], arguments);

    public ProcessResult ToolWith(Dictionary<string, string?> environment, params string[] arguments)
        => InstalledTool.Instance.Run(Project.Directory, environment, [.. arguments, "--no-build"]);

    public void Dispose() => Project.Dispose();
}
