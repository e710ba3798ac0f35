using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint.Rules;
using Cognova.Engine.Lint.Sql;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Lint;

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
        new RequiredColumnWithoutDefaultRule(), new ColumnMadeNullableRule(), new EnumValueOrderRule(), new IdentifierTooLongRule(),
        new CheckConstraintWithoutNotValidRule(), new LockTimeoutMissingRule(),
    ];

    public IReadOnlyList<Finding> Lint(MigrationScript migration)
    {
        var findings = new List<Finding>();
        var state = new MigrationState();
        var storeTypes = new ColumnStoreTypes(migration.TypeMappings, migration.ModelBefore);
        for (var index = 0; index < migration.Operations.Count; index++)
        {
            var operation = migration.Operations[index];
            if (operation is SqlOperation raw)
            {
                var statementCount = SqlStatementSplitter.Split(raw.Sql).Count;
                foreach (var read in RawSqlAnalyzer.Read(raw.Sql))
                {
                    var context = new OperationContext(read.Operation, read.Statement.Text, state, storeTypes, raw, statementCount);
                    Check(context, migration, index, findings);
                    state.Track(context);
                }
            }
            else
            {
                var context = new OperationContext(operation, migration.OperationSql[index], state, storeTypes);
                Check(context, migration, index, findings);
                state.Track(context);
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
