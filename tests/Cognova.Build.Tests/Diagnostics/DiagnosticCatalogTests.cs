using System.Reflection;
using System.Text.RegularExpressions;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;

namespace Cognova.Build.Tests.Diagnostics;

/// <summary>
/// One table knows every code: each code the code base can report has an entry, and the README documents
/// each entry (a row in its diagnostics tables) with the same default severity.
/// </summary>
public sealed partial class DiagnosticCatalogTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void Every_code_constant_and_every_rule_has_one_entry()
    {
        var constants = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

        foreach (var id in constants.Concat(RuleCatalog.All.Select(r => r.Id)))
        {
            Assert.True(DiagnosticCatalog.Find(id) is not null, $"{id} has no entry in DiagnosticCatalog");
        }

        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(d => d.Id).Distinct().Count());
        Assert.All(DiagnosticCatalog.All, d =>
        {
            Assert.Matches("^COG[0-9]{4}$", d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Name));
            Assert.False(string.IsNullOrWhiteSpace(d.Title));
            Assert.False(string.IsNullOrWhiteSpace(d.Help));
        });
    }

    [Fact]
    public void The_readme_has_a_row_for_every_entry_with_its_default_severity()
    {
        var rows = File.ReadAllLines(Path.Combine(Root, "README.md"))
            .Where(line => CodeRow().IsMatch(line))
            .ToList();

        foreach (var descriptor in DiagnosticCatalog.All)
        {
            var row = Assert.Single(rows, line => line.StartsWith($"| `{descriptor.Id}` |", StringComparison.Ordinal));
            var severity = row.Split('|')[2].Trim();
            // Drift's severity is the CognovaDriftCheck property (error by default).
            var expected = descriptor.Id.StartsWith("COG1", StringComparison.Ordinal) ? "`CognovaDriftCheck`" : Readme(descriptor.DefaultSeverity);
            Assert.True(severity == expected, $"{descriptor.Id}: the README says '{severity}', the catalog '{expected}'");
        }

        Assert.All(rows, row => Assert.NotNull(DiagnosticCatalog.Find(CodeRow().Match(row).Groups[1].Value)));
    }

    [Fact]
    public void Every_code_the_sources_and_the_msbuild_files_mention_is_in_the_catalog()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "build"), "*.*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "buildMultiTargeting"), "*.*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "buildTransitive"), "*.*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var unknown = files
            .SelectMany(f => Code().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(Root, f), Id: m.Value)))
            .Where(hit => DiagnosticCatalog.Find(hit.Id) is null)
            .Select(hit => $"{hit.File}: {hit.Id}")
            .Distinct()
            .ToList();

        Assert.True(unknown.Count == 0, "Codes without a catalog entry:\n" + string.Join("\n", unknown));
    }

    private static string Readme(DiagnosticSeverity severity) => severity == DiagnosticSeverity.Info ? "message" : severity.ToString().ToLowerInvariant();

    [GeneratedRegex(@"^\| `(COG[0-9]{4})` \|")]
    private static partial Regex CodeRow();

    [GeneratedRegex(@"\bCOG[0-9]{4}\b")]
    private static partial Regex Code();

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
