using Cognova.Engine.Diagnostics;

namespace Cognova.Engine.Build.Checks;

/// <summary>The DbContexts <c>CognovaDbContext</c> names (by full or short name, case-insensitive), or every one found when it names none.</summary>
internal static class ContextSelection
{
    public static IReadOnlyList<Type> Select(IReadOnlyList<Type> found, IReadOnlyList<string> names, string projectFile, DiagnosticList diagnostics)
    {
        if (names.Count == 0)
        {
            return found;
        }

        var selected = new List<Type>();
        foreach (var name in names)
        {
            var match = found.FirstOrDefault(t => string.Equals(t.FullName, name, StringComparison.OrdinalIgnoreCase))
                        ?? found.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.InvalidSetting,
                    DiagnosticSeverity.Error,
                    $"CognovaDbContext names '{name}', but the project has no DbContext of that name (found: {string.Join(", ", found.Select(t => t.Name))}).",
                    projectFile));
            }
            else if (!selected.Contains(match))
            {
                selected.Add(match);
            }
        }

        return selected;
    }
}
