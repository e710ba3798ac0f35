using System.Text.Json;
using Cognova.Engine.Build.Results;
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

    public static string Create(CheckResult result)
    {
        var document = new
        {
            version = 1,
            errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
            warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
            contexts = result.Contexts.Select(Context),
            diagnostics = result.Diagnostics.Select(d => new
            {
                code = d.Code,
                severity = ReportText.Severity(d.Severity),
                message = d.Message,
                file = d.File,
                line = d.Line,
                column = d.Column,
            }),
        };
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    private static object Context(ContextResult context) => new
    {
        name = context.Name,
        fullName = context.FullName,
        assembly = context.Assembly,
        lockFile = context.LockFile,
        historyTable = context.HistoryTable,
        historySchema = context.HistorySchema,
        drift = context.Drift,
        migrations = context.Migrations.Select(m => new
        {
            id = m.Id,
            file = m.Location.File,
            sqlHash = m.SqlHash,
            lockStatus = ReportText.LockStatus(m.LockStatus),
            findings = m.Findings.Select(f => new
            {
                rule = f.Finding.Rule.Id,
                ruleName = f.Finding.Rule.Name,
                severity = ReportText.Severity(f.Finding.Severity),
                action = f.Finding.Hit.Action,
                statement = f.Finding.Hit.Statement,
                statementHash = f.Finding.StatementHash,
                file = f.Location.File,
                line = f.Location.Line,
                approved = f.IsApproved,
                reason = f.Approval?.Reason,
            }),
        }),
    };
}
