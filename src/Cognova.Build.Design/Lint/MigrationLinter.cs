using Cognova.Build.Design.Diagnostics;
using Cognova.Build.Design.Lint.Rules;
using Cognova.Build.Design.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Design.Lint;

/// <summary>
/// Runs every rule over one migration on its own (never over a concatenated script, where every
/// table would look new), operation by operation, tracking the tables the migration creates.
/// </summary>
public sealed class MigrationLinter(RuleSeverities severities)
{
    private static readonly IMigrationRule[] Rules =
    [
        new DropTableRule(), new DropColumnRule(), new DropSchemaRule(), new DropSequenceOrTypeRule(),
        new LossyColumnTypeChangeRule(), new RenameRule(), new RawSqlRule(),
        new RequiredColumnWithPlaceholderDefaultRule(), new ColumnMadeNotNullRule(), new ForeignKeyRules(),
        new IndexRules(), new VolatileDefaultRule(),
    ];

    public IReadOnlyList<Finding> Lint(MigrationScript migration)
    {
        var findings = new List<Finding>();
        var created = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < migration.Operations.Count; index++)
        {
            var operation = migration.Operations[index];
            var context = new OperationContext(operation, migration.OperationSql[index], created);
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

            if (operation is CreateTableOperation table)
            {
                created.Add(OperationContext.TableKey(table.Schema, table.Name));
            }
        }

        return findings;
    }
}
