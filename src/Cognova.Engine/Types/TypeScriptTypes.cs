using Cognova.Engine.Diagnostics;
using Cognova.Engine.Sources;
using Cognova.Model;

namespace Cognova.Engine.Types;

/// <summary>One run's TypeScript types: generate them, report what could not be mapped exactly, then write or compare the file.</summary>
internal static class TypeScriptTypes
{
    /// <param name="locate">Where an entity's class is declared (by its C# name), for the warnings.</param>
    /// <returns>True when the file is up to date (written or compared).</returns>
    public static bool Produce(
        TypeScriptSettings settings,
        ModelDescription model,
        WireContract wire,
        Func<string, SourceLocation?> locate,
        string projectFile,
        DiagnosticList diagnostics,
        HostLog log)
    {
        var generated = log.Step("generate TypeScript types", () => TypeScriptGenerator.Generate(model, wire, settings.Options));
        foreach (var problem in generated.Problems)
        {
            var severity = DiagnosticCatalog.Find(problem.Code)?.DefaultSeverity ?? DiagnosticSeverity.Warning;
            var location = problem.Entity.Length > 0 ? locate(problem.Entity) : null;
            diagnostics.Add(new Diagnostic(problem.Code, severity, problem.Message, location?.File ?? projectFile, location?.Line ?? 0, location?.Column ?? 0));
        }

        return TypesFile.Apply(settings.OutputPath, generated.Text, settings.CompareOnly, diagnostics, log);
    }
}
