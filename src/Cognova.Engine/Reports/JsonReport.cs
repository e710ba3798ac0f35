using System.Text.Json;
using Cognova.Engine.Diagnostics;

namespace Cognova.Engine.Reports;

/// <summary>The machine-readable report (<c>CognovaReportJson</c>): contexts, drift, migrations, findings, lock status, diagnostics.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static string Create(CheckReport report, IEnumerable<Diagnostic> diagnostics)
    {
        var written = diagnostics.ToList();
        var document = new
        {
            version = 1,
            errors = written.Count(d => d.Severity == DiagnosticSeverity.Error),
            warnings = written.Count(d => d.Severity == DiagnosticSeverity.Warning),
            contexts = report.Contexts,
            diagnostics = written.Select(d => new
            {
                code = d.Code,
                severity = d.Severity.ToString().ToLowerInvariant(),
                message = d.Message,
                file = d.File,
                line = d.Line,
                column = d.Column,
            }),
        };
        return JsonSerializer.Serialize(document, Options) + "\n";
    }
}
