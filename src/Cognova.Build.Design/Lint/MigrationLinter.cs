using Cognova.Build.Design.Diagnostics;
using Cognova.Build.Design.Lint.Rules;
using Cognova.Build.Design.Lint.Sql;
using Cognova.Build.Design.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Design.Lint;

/// <summary>
/// Runs every rule over one migration on its own (never over a concatenated script, where every
/// table would look new), operation by operation, tracking what the migration did to tables so far.
/// The raw SQL of <c>migrationBuilder.Sql(…)</c> is read statement by statement into the same shapes
/// (<see cref="RawSqlAnalyzer"/>), so each rule is written once for both.
/// </summary>
public sealed class MigrationLinter(RuleSeverities severities)
{
    private static readonly IMigrationRule[] Rules =
    [
        new DropTableRule(), new DropColumnRule(), new DropSchemaRule(), new DropSequenceOrTypeRule(),
        new LossyColumnTypeChangeRule(), new RenameRule(), new RawSqlRule(),
        new RequiredColumnWithPlaceholderDefaultRule(), new ColumnMadeNotNullRule(), new ForeignKeyRules(),
        new IndexRules(), new VolatileDefaultRule(), new TransactionRules(),
    ];

    public IReadOnlyList<Finding> Lint(MigrationScript migration)
    {
        var findings = new List<Finding>();
        var tables = new MigrationTables();
        for (var index = 0; index < migration.Operations.Count; index++)
        {
            var operation = migration.Operations[index];
            if (operation is SqlOperation raw)
            {
                var statementCount = SqlStatementSplitter.Split(raw.Sql).Count;
                foreach (var read in RawSqlAnalyzer.Read(raw.Sql))
                {
                    Check(new OperationContext(read.Operation, read.Statement.Text, tables, migration.StoreTypes, raw, statementCount), migration, index, findings);
                    tables.Track(read.Operation);
                }
            }
            else
            {
                Check(new OperationContext(operation, migration.OperationSql[index], tables, migration.StoreTypes), migration, index, findings);
                tables.Track(operation);
            }
        }

        return findings;
    }

    private void Check(OperationContext context, MigrationScript migration, int index, List<Finding> findings)
    {
        foreach (var rule in Rules)
        {
            foreach (var hit in rule.Check(context))
            {
                var severity = severities.For(hit.Rule);
                if (severity != DiagnosticSeverity.None)
                {
                    findings.Add(new Finding(hit, migration.Id, index, severity));
                }
            }
        }
    }
}
