using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Migrations.Tests.Contexts;

// Contexts with hand-written migrations (attributes in the class, no Designer files, no model: EF Core
// finds migrations by their [DbContext] attribute). Each scenario has a context of its own so that each
// gets exactly the migrations it needs.

/// <summary>Three migrations that succeed.</summary>
public sealed class GoodContext(DbContextOptions<GoodContext> options) : DbContext(options);

/// <summary>A migration that succeeds, one that fails (the table it alters does not exist), and one after it.</summary>
public sealed class BrokenContext(DbContextOptions<BrokenContext> options) : DbContext(options);

/// <summary>
/// A second migration that sleeps for as many seconds as the database setting <c>cognova.test_sleep</c>
/// says (0 without it), so that a test can kill or time out the run while it is inside that migration.
/// </summary>
public sealed class SlowContext(DbContextOptions<SlowContext> options) : DbContext(options);

/// <summary>A model with an entity that its (hand-written, empty) snapshot does not know: pending model changes.</summary>
public sealed class DriftContext(DbContextOptions<DriftContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Note>().ToTable("notes");
}

public sealed class Note
{
    public int Id { get; set; }

    public string? Text { get; set; }
}

[DbContext(typeof(GoodContext))]
[Migration("20260101000001_CreateItems")]
public sealed class GoodCreateItems : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL);");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE items;");
}

[DbContext(typeof(GoodContext))]
[Migration("20260101000002_CreateTags")]
public sealed class GoodCreateTags : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("CREATE TABLE tags (id integer PRIMARY KEY, label text NOT NULL);");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE tags;");
}

[DbContext(typeof(GoodContext))]
[Migration("20260101000003_AddItemColor")]
public sealed class GoodAddItemColor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("ALTER TABLE items ADD COLUMN color text;");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("ALTER TABLE items DROP COLUMN color;");
}

[DbContext(typeof(BrokenContext))]
[Migration("20260102000001_CreateOrders")]
public sealed class BrokenCreateOrders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("CREATE TABLE orders (id integer PRIMARY KEY);");
}

[DbContext(typeof(BrokenContext))]
[Migration("20260102000002_AlterMissingTable")]
public sealed class BrokenAlterMissingTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // The first statement works, the second fails: the transaction must take both back.
        migrationBuilder.Sql("CREATE TABLE order_lines (id integer PRIMARY KEY);");
        migrationBuilder.Sql("ALTER TABLE no_such_table ADD COLUMN quantity integer;");
    }
}

[DbContext(typeof(BrokenContext))]
[Migration("20260102000003_CreateInvoices")]
public sealed class BrokenCreateInvoices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("CREATE TABLE invoices (id integer PRIMARY KEY);");
}

[DbContext(typeof(SlowContext))]
[Migration("20260103000001_CreateEvents")]
public sealed class SlowCreateEvents : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("CREATE TABLE events (id integer PRIMARY KEY);");
}

[DbContext(typeof(SlowContext))]
[Migration("20260103000002_Backfill")]
public sealed class SlowBackfill : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE TABLE backfill (id integer PRIMARY KEY);");
        migrationBuilder.Sql("SELECT pg_sleep(COALESCE(NULLIF(current_setting('cognova.test_sleep', true), ''), '0')::float8);");
    }
}

[DbContext(typeof(SlowContext))]
[Migration("20260103000003_CreateAudit")]
public sealed class SlowCreateAudit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("CREATE TABLE audit (id integer PRIMARY KEY);");
}

[DbContext(typeof(DriftContext))]
[Migration("20260104000001_Empty")]
public sealed class DriftEmpty : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("CREATE TABLE drift_marker (id integer PRIMARY KEY);");
}

/// <summary>A snapshot of an empty model: the model's <c>notes</c> table is a change no migration captures.</summary>
[DbContext(typeof(DriftContext))]
public sealed class DriftContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
        => modelBuilder.HasAnnotation("ProductVersion", "10.0.15");
}
