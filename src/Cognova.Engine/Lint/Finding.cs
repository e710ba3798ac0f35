using Cognova.Engine.Diagnostics;
using Cognova.Migrations;

namespace Cognova.Engine.Lint;

/// <summary>A rule hit placed in its migration, with the severity in force and the hash an approval must match.</summary>
public sealed record Finding(
    RuleHit Hit,
    string MigrationId,
    int OperationIndex,
    DiagnosticSeverity Severity)
{
    public RuleInfo Rule => Hit.Rule;

    /// <summary>SHA-256 of the statement, so that an approval stops matching when the SQL changes.</summary>
    public string StatementHash { get; } = HashStatement(Hit.Statement);

    public static string HashStatement(string statement) => MigrationScript.Hash(statement.Trim());
}
