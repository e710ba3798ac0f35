using Cognova.Engine.Diagnostics;
using Cognova.Engine.Sources;

namespace Cognova.Engine.Drift;

/// <summary>Turns a <see cref="ModelDrift"/> into the diagnostic the build shows, or none when the model is in sync.</summary>
public static class DriftReport
{
    public static Diagnostic? ToDiagnostic(ModelDrift drift, DiagnosticSeverity severity, SourceLocation? location)
    {
        if (severity == DiagnosticSeverity.None)
        {
            return null;
        }

        if (!drift.HasMigrations)
        {
            return new Diagnostic(
                DiagnosticCodes.NoMigrations,
                severity,
                $"{drift.ContextName} has no migrations, so its schema cannot be deployed. "
                + $"Create the first migration: dotnet ef migrations add InitialCreate --context {drift.ContextName}",
                location?.File,
                location?.Line ?? 0,
                location?.Column ?? 0);
        }

        if (drift.Differences.Count == 0)
        {
            return null;
        }

        var changes = DriftDescriber.Describe(drift.Differences);
        var summary = $"{drift.ContextName}: the model has {Count(changes.Count)} that no migration captures "
                      + $"(compared with the snapshot of {drift.LatestMigrationId ?? "the latest migration"}):";
        var lines = new List<string> { summary };
        lines.AddRange(changes.Select(c => "- " + c));
        // --no-build: this build already compiled the model, and a plain "dotnet ef migrations add"
        // would rebuild, meet this same error and stop.
        lines.Add($"Add a migration: dotnet ef migrations add <Name> --context {drift.ContextName} --no-build");
        return new Diagnostic(
            DiagnosticCodes.ModelDrift,
            severity,
            string.Join('\n', lines),
            location?.File,
            location?.Line ?? 0,
            location?.Column ?? 0);
    }

    private static string Count(int changes) => changes == 1 ? "1 change" : $"{changes} changes";
}
