using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;

namespace Cognova.Build.Tests.Build;

/// <summary>Check results built by hand, for the renderers' tests: no DbContext, no process.</summary>
internal static class CheckResults
{
    public static ContextResult Context(string name, IReadOnlyList<MigrationResult>? migrations = null, IReadOnlyList<string>? drift = null) => new(
        name,
        "Shop." + name,
        "Shop",
        ContextResult.DefaultHistoryTable,
        HistorySchema: null,
        LockFile: "/m/migrations.lock.json",
        drift ?? [],
        migrations ?? [],
        LockProblems: [],
        Diagnostics: []);

    public static MigrationResult Migration(string id, MigrationLockStatus status, params FindingResult[] findings)
        => new(id, new Lazy<SourceLocation>(new SourceLocation($"/m/{id}.cs", 10, 5)), "sha256:" + id, status, findings);

    public static FindingResult Finding(RuleInfo rule, string migrationId, string action, string statement, int line, string? approvedBecause = null)
    {
        var finding = new Finding(new RuleHit(rule, action, statement), migrationId, OperationIndex: 0, rule.DefaultSeverity);
        var approval = approvedBecause is null ? null : new Approval(rule.Id, finding.StatementHash, approvedBecause, statement);
        return new FindingResult(finding, new SourceLocation($"/m/{migrationId}.cs", line, 13), approval, ApprovedWithoutReason: false);
    }

    public static CheckResult Of(IReadOnlyList<ContextResult> contexts, params Diagnostic[] diagnostics) => new(contexts, diagnostics, [], []);
}
