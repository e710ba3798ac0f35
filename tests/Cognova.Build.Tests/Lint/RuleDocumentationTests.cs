using Cognova.Engine.Lint;

namespace Cognova.Build.Tests.Lint;

/// <summary>The README's rule table lists every rule of the catalog with its default severity.</summary>
public sealed class RuleDocumentationTests
{
    [Fact]
    public void Every_rule_has_a_readme_row_with_its_default_severity()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));

        foreach (var rule in RuleCatalog.All)
        {
            var row = Assert.Single(readme, line => line.StartsWith($"| `{rule.Id}` |", StringComparison.Ordinal));
            Assert.StartsWith($"| `{rule.Id}` | {rule.DefaultSeverity.ToString().ToLowerInvariant()} | `{rule.Name}`", row);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cognova.Build.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cognova.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
