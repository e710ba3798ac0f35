using Cognova.Engine.Diagnostics;

namespace Cognova.Engine.Lint;

/// <summary>Every SQL rule: its code, name, default severity and the text the README and SARIF show.</summary>
public static class RuleCatalog
{
    private const string ApproveHint = "If the loss is intended, approve it (the command is in the message).";

    public static readonly RuleInfo DropTable = new(
        "COG2101", "DropTableRule", RuleGroup.Destructive, DiagnosticSeverity.Error,
        "A migration drops a table.",
        "Every row in the table is deleted, and app versions still running during the deploy fail on it.",
        "Stop using the table in one release and drop it in a later one; back it up first. " + ApproveHint);

    public static readonly RuleInfo DropColumn = new(
        "COG2102", "DropColumnRule", RuleGroup.Destructive, DiagnosticSeverity.Error,
        "A migration drops a column.",
        "The data in the column is lost, and app versions still running during the deploy fail when they read or write it.",
        "Stop using the column in one release and drop it in a later one. " + ApproveHint);

    public static readonly RuleInfo DropSchema = new(
        "COG2103", "DropSchemaRule", RuleGroup.Destructive, DiagnosticSeverity.Error,
        "A migration drops a schema.",
        "Every object in the schema goes with it.",
        "Move or drop the objects on purpose first. " + ApproveHint);

    public static readonly RuleInfo DropSequenceOrType = new(
        "COG2104", "DropSequenceOrTypeRule", RuleGroup.Destructive, DiagnosticSeverity.Error,
        "A migration drops a sequence or a type.",
        "Columns and defaults that use it break, and a sequence's position is lost.",
        "Make sure nothing uses it any more. " + ApproveHint);

    public static readonly RuleInfo LossyTypeChange = new(
        "COG2105", "LossyColumnTypeChangeRule", RuleGroup.Destructive, DiagnosticSeverity.Error,
        "A migration changes a column to a type that cannot hold every existing value.",
        "PostgreSQL casts every row: values are truncated or rounded, or the migration fails half-way on a value that does not fit.",
        "Add a new column, copy and check the data, then switch over in a later release. " + ApproveHint);

    public static readonly RuleInfo RenameTable = new(
        "COG2106", "RenameTableRule", RuleGroup.Destructive, DiagnosticSeverity.Error,
        "A migration renames a table.",
        "App versions still running during the deploy use the old name and fail.",
        "Create the new table (or a view with the old name) and move over in steps. " + ApproveHint);

    public static readonly RuleInfo RenameColumn = new(
        "COG2107", "RenameColumnRule", RuleGroup.Destructive, DiagnosticSeverity.Error,
        "A migration renames a column.",
        "App versions still running during the deploy use the old name and fail.",
        "Add the new column, write to both, backfill, then drop the old one in a later release. " + ApproveHint);

    public static readonly RuleInfo DeleteWithoutWhere = new(
        "COG2108", "DeleteWithoutWhereRule", RuleGroup.Destructive, DiagnosticSeverity.Error,
        "Raw SQL deletes every row of a table (DELETE without WHERE).",
        "All rows are deleted.",
        "Add the WHERE clause you meant. " + ApproveHint);

    public static readonly RuleInfo UpdateWithoutWhere = new(
        "COG2109", "UpdateWithoutWhereRule", RuleGroup.Destructive, DiagnosticSeverity.Error,
        "Raw SQL updates every row of a table (UPDATE without WHERE).",
        "Every row is overwritten, and the whole table is locked row by row while it runs.",
        "Add the WHERE clause you meant, or update in batches. " + ApproveHint);

    public static readonly RuleInfo Truncate = new(
        "COG2110", "TruncateRule", RuleGroup.Destructive, DiagnosticSeverity.Error,
        "Raw SQL truncates a table.",
        "All rows are deleted at once, under an ACCESS EXCLUSIVE lock.",
        "Delete what you mean to delete with a WHERE clause. " + ApproveHint);

    public static readonly RuleInfo RawDrop = new(
        "COG2111", "RawDropRule", RuleGroup.Destructive, DiagnosticSeverity.Error,
        "Raw SQL drops a database object that holds data, or drops with CASCADE.",
        "What the object held is lost (an extension's types and their columns, everything a role owns, a database), and CASCADE also drops whatever depends on it.",
        "Use a migration operation where one exists, so that the model stays in step. " + ApproveHint);

    public static readonly RuleInfo RequiredColumnWithPlaceholder = new(
        "COG2201", "RequiredColumnWithPlaceholderDefaultRule", RuleGroup.ReviewPoint, DiagnosticSeverity.Warning,
        "A NOT NULL column is added to an existing table with a placeholder default.",
        "Every existing row gets the placeholder (0, '', false, -infinity or an empty uuid), which looks like real data.",
        "Add the column as nullable, backfill real values, then make it NOT NULL; or give it a meaningful default.");

    public static readonly RuleInfo ColumnMadeRequired = new(
        "COG2202", "ColumnMadeNotNullRule", RuleGroup.ReviewPoint, DiagnosticSeverity.Warning,
        "An existing column is made NOT NULL.",
        "The migration fails if any row holds NULL, and PostgreSQL scans the whole table under an ACCESS EXCLUSIVE lock.",
        "Backfill NULLs first; on a large table add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL.");

    public static readonly RuleInfo CascadeDelete = new(
        "COG2203", "CascadeDeleteForeignKeyRule", RuleGroup.ReviewPoint, DiagnosticSeverity.Warning,
        "A new foreign key deletes dependent rows (ON DELETE CASCADE).",
        "Deleting one row can silently delete many rows in other tables.",
        "Check that cascading is what you want; otherwise use Restrict or SetNull.");

    public static readonly RuleInfo UniqueOnExistingTable = new(
        "COG2204", "UniqueOnExistingTableRule", RuleGroup.ReviewPoint, DiagnosticSeverity.Warning,
        "A unique index or constraint is added to an existing table.",
        "The migration fails if existing rows hold duplicates.",
        "Look for duplicates first (GROUP BY … HAVING count(*) > 1) and clean them up.");

    public static readonly RuleInfo DropDefinition = new(
        "COG2205", "DropDefinitionRule", RuleGroup.ReviewPoint, DiagnosticSeverity.Warning,
        "Raw SQL drops a view, routine or other definition that holds no data.",
        "No data is lost, but app versions still running during the deploy fail if they use it.",
        "Stop using it in one release and drop it in a later one.");

    public static readonly RuleInfo RequiredColumnWithoutDefault = new(
        "COG2206", "RequiredColumnWithoutDefaultRule", RuleGroup.ReviewPoint, DiagnosticSeverity.Warning,
        "A NOT NULL column without a default is added to an existing table.",
        "PostgreSQL has nothing to put in the existing rows: the migration fails at deploy as soon as the table holds one row.",
        "Add the column as nullable, backfill it, then make it NOT NULL; or give it a real default.");

    public static readonly RuleInfo ColumnMadeNullable = new(
        "COG2207", "ColumnMadeNullableRule", RuleGroup.ReviewPoint, DiagnosticSeverity.Warning,
        "An existing column's NOT NULL is dropped.",
        "App versions still running during the deploy assume the column is never NULL, and fail or misbehave on the first NULL written by the new version.",
        "Make every reader handle NULL in one release, and drop NOT NULL in a later one.");

    public static readonly RuleInfo EnumOrder = new(
        "COG2208", "EnumValueOrderRule", RuleGroup.ReviewPoint, DiagnosticSeverity.Warning,
        "A PostgreSQL enum's values are reordered in the model.",
        "Npgsql emits no SQL for it and PostgreSQL cannot move an enum value: the database keeps the old order, so ORDER BY and comparisons on the type differ from a database created from scratch.",
        "Only append values (or insert them, which Npgsql emits with BEFORE/AFTER); to reorder, create a new type, convert the column with USING, and drop the old type.");

    public static readonly RuleInfo IdentifierTooLong = new(
        "COG2209", "IdentifierTooLongRule", RuleGroup.ReviewPoint, DiagnosticSeverity.Warning,
        "A database identifier is longer than 63 bytes.",
        "PostgreSQL silently truncates it to 63 bytes: the name in the catalog differs from the model's, and two long names that share their first 63 bytes collide.",
        "Give it a shorter name (ToTable, HasColumnName, HasDatabaseName, HasConstraintName).");

    public static readonly RuleInfo IndexWithoutConcurrently = new(
        "COG2301", "IndexWithoutConcurrentlyRule", RuleGroup.Locking, DiagnosticSeverity.Warning,
        "An index is created on an existing table without CONCURRENTLY.",
        "CREATE INDEX blocks every write to the table until the index is built.",
        "Use .IsCreatedConcurrently() (Npgsql), in a migration without a transaction.");

    public static readonly RuleInfo ForeignKeyWithoutNotValid = new(
        "COG2302", "ForeignKeyWithoutNotValidRule", RuleGroup.Locking, DiagnosticSeverity.Warning,
        "A foreign key is added to an existing table and validated at once.",
        "PostgreSQL checks every row while holding a lock that blocks writes to both tables.",
        "Add it with raw SQL as NOT VALID, then VALIDATE CONSTRAINT in a later migration.");

    public static readonly RuleInfo TableRewrite = new(
        "COG2303", "TableRewritingTypeChangeRule", RuleGroup.Locking, DiagnosticSeverity.Warning,
        "A column type change rewrites the whole table.",
        "PostgreSQL rewrites every row under an ACCESS EXCLUSIVE lock: no reads or writes until it finishes.",
        "On a large table add a new column, backfill in batches and switch over.");

    public static readonly RuleInfo VolatileDefault = new(
        "COG2304", "VolatileDefaultRule", RuleGroup.Locking, DiagnosticSeverity.Warning,
        "A column is added to an existing table with a volatile default or as a stored generated column.",
        "A volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval()) or a stored generated column makes PostgreSQL rewrite the table under an ACCESS EXCLUSIVE lock.",
        "Add the column without a default, backfill in batches, then set the default.");

    public static readonly RuleInfo DropIndexWithoutConcurrently = new(
        "COG2305", "DropIndexWithoutConcurrentlyRule", RuleGroup.Locking, DiagnosticSeverity.Warning,
        "An index is dropped without CONCURRENTLY.",
        "No data is lost, but DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: no reads or writes until it ends, and queries that used the index get slower.",
        "Use raw SQL DROP INDEX CONCURRENTLY in a migration without a transaction (suppressTransaction: true), one statement per Sql call.");

    public static readonly RuleInfo CheckWithoutNotValid = new(
        "COG2306", "CheckConstraintWithoutNotValidRule", RuleGroup.Locking, DiagnosticSeverity.Warning,
        "A CHECK constraint is added to an existing table and validated at once.",
        "PostgreSQL checks every row while holding an ACCESS EXCLUSIVE lock: no reads or writes until it finishes, and the migration fails on the first row that breaks it.",
        "Add it with raw SQL as NOT VALID, then VALIDATE CONSTRAINT in a later migration (that only takes a SHARE UPDATE EXCLUSIVE lock).");

    public static readonly RuleInfo LockTimeoutMissing = new(
        "COG2307", "LockTimeoutMissingRule", RuleGroup.Locking, DiagnosticSeverity.Warning,
        "A migration takes a strong lock on an existing table without a lock_timeout.",
        "A statement waiting for its lock behind one long query makes every later query on the table wait behind it: a migration that itself takes milliseconds can stop the app.",
        "Start the migration with migrationBuilder.Sql(\"SET LOCAL lock_timeout = '5s';\") and retry the deploy when it times out; or set lock_timeout for the migrating role. Reported once per migration.");

    public static readonly RuleInfo ConcurrentlyInTransaction = new(
        "COG2401", "ConcurrentlyInTransactionRule", RuleGroup.Transaction, DiagnosticSeverity.Error,
        "Raw SQL that PostgreSQL refuses inside a transaction block runs inside one.",
        "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM and CREATE DATABASE fail with \"cannot run inside a transaction block\": EF Core runs the migration in a transaction unless the Sql call suppresses it, and several statements in one Sql call run as one implicit transaction.",
        "Put the statement alone in its own migrationBuilder.Sql(\"…\", suppressTransaction: true).");

    public static readonly RuleInfo TransactionControl = new(
        "COG2402", "TransactionControlInMigrationRule", RuleGroup.Transaction, DiagnosticSeverity.Error,
        "Raw SQL begins, commits or rolls back a transaction inside the migration's transaction.",
        "EF Core already runs the migration in a transaction: COMMIT or ROLLBACK ends it half-way (what ran before is committed or undone, the history row is not), and BEGIN is ignored with a warning.",
        "Remove the transaction statements; to run outside EF Core's transaction use migrationBuilder.Sql(\"…\", suppressTransaction: true).");

    public static readonly RuleInfo TransactionNesting = new(
        "COG2403", "TransactionNestingRule", RuleGroup.Transaction, DiagnosticSeverity.Error,
        "Raw SQL run without EF Core's transaction begins a transaction inside its own, or leaves one open.",
        "PostgreSQL has no nested transactions: a second BEGIN is ignored and the first COMMIT commits everything; a BEGIN left open keeps the rest of the migration and its history row uncommitted on that connection.",
        "Pair every BEGIN with one COMMIT in the same Sql call, or use SAVEPOINT for a nested step.");

    public static readonly RuleInfo EnumValueUsedInTransaction = new(
        "COG2404", "EnumValueUsedInSameTransactionRule", RuleGroup.Transaction, DiagnosticSeverity.Warning,
        "A new enum value seems to be used in the transaction that added it.",
        "PostgreSQL refuses a new enum value (\"unsafe use of new value\") until the transaction that added it commits, and EF Core runs the whole migration in one transaction: the migration fails at deploy.",
        "Add the value in one migration and use it in a later one, or add it with migrationBuilder.Sql(\"ALTER TYPE … ADD VALUE …\", suppressTransaction: true).");

    public static IReadOnlyList<RuleInfo> All { get; } =
    [
        DropTable, DropColumn, DropSchema, DropSequenceOrType, LossyTypeChange, RenameTable, RenameColumn,
        DeleteWithoutWhere, UpdateWithoutWhere, Truncate, RawDrop,
        RequiredColumnWithPlaceholder, ColumnMadeRequired, CascadeDelete, UniqueOnExistingTable, DropDefinition,
        RequiredColumnWithoutDefault, ColumnMadeNullable, EnumOrder, IdentifierTooLong,
        IndexWithoutConcurrently, ForeignKeyWithoutNotValid, TableRewrite, VolatileDefault, DropIndexWithoutConcurrently,
        CheckWithoutNotValid, LockTimeoutMissing,
        ConcurrentlyInTransaction, TransactionControl, TransactionNesting, EnumValueUsedInTransaction,
    ];

    public static RuleInfo? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
