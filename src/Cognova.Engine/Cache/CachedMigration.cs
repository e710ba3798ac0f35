using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Migrations;

namespace Cognova.Engine.Cache;

/// <summary>
/// What the checks keep of one migration between builds: each operation's SQL (the lock hash and the
/// findings' locations follow from it) and the findings in full, so that every report, approval and
/// lock comparison made from it is the same as from a migration generated again.
/// </summary>
internal sealed record CachedMigration(
    string Id,
    string ClassName,
    string Key,
    IReadOnlyList<string> OperationSql,
    IReadOnlyList<CachedFinding> Findings)
{
    public string SqlHash => MigrationScript.Hash(string.Join("\n", OperationSql));

    public static CachedMigration From(MigrationScript script, string key, IEnumerable<Finding> findings)
        => new(
            script.Id,
            script.ClassName,
            key,
            script.OperationSql,
            findings.Select(f => new CachedFinding(f.Rule.Id, f.Severity, f.Hit.Action, f.Hit.Statement, f.OperationIndex)).ToList());

    public MigrationScript ToScript()
        => new(Id, ClassName, [], OperationSql, string.Join("\n", OperationSql)) { FromCache = true };

    public IEnumerable<Finding> ToFindings()
        => Findings.Select(f => new Finding(new RuleHit(RuleCatalog.Find(f.RuleId)!, f.Action, f.Statement), Id, f.OperationIndex, f.Severity));
}

/// <summary>A finding as cached: the rule by its code, the rest as the linter reported it.</summary>
internal sealed record CachedFinding(string RuleId, DiagnosticSeverity Severity, string Action, string Statement, int OperationIndex);
