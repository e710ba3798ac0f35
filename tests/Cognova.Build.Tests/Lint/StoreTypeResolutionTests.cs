using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using static Cognova.Build.Tests.Lint.NpgsqlScripts;

namespace Cognova.Build.Tests.Lint;

/// <summary>
/// AlterColumn without <c>type:</c>/<c>oldType:</c> (as EF Core 1.x/2.x scaffolded it) is classified from the store
/// types Npgsql really emits, and the DROP SEQUENCE an AlterColumn emits is a dropped sequence.
/// </summary>
public sealed class StoreTypeResolutionTests
{
    [Fact]
    public void An_unsigned_id_narrowed_to_bigint_without_written_types_is_lossy()
    {
        var alter = new AlterColumnOperation
        {
            Table = "accounts", Name = "external_id", ClrType = typeof(long),
            OldColumn = new AddColumnOperation { Table = "accounts", Name = "external_id", ClrType = typeof(decimal), Precision = 20, Scale = 0 },
        };

        var finding = Assert.Single(Check(alter));

        Assert.Equal("COG2105", finding.Rule.Id);
        Assert.Contains("from numeric(20,0) to bigint", finding.Hit.Action);
    }

    [Fact]
    public void Text_limited_to_a_length_without_written_types_is_lossy()
    {
        var alter = new AlterColumnOperation
        {
            Table = "tags", Name = "name", ClrType = typeof(string), MaxLength = 100,
            OldColumn = new AddColumnOperation { Table = "tags", Name = "name", ClrType = typeof(string) },
        };

        Assert.Equal(["COG2105"], Check(alter).Codes());
    }

    [Fact]
    public void An_old_type_without_a_new_type_is_classified_with_the_emitted_type()
    {
        var alter = new AlterColumnOperation
        {
            Table = "tags", Name = "weight", ClrType = typeof(int),
            OldColumn = new AddColumnOperation { Table = "tags", Name = "weight", ClrType = typeof(long), ColumnType = "bigint" },
        };

        var finding = Assert.Single(Check(alter));

        Assert.Equal("COG2105", finding.Rule.Id);
        Assert.Contains("from bigint to integer", finding.Hit.Action);
    }

    [Fact]
    public void A_nullability_change_without_written_types_is_no_type_change_only_a_dropped_not_null()
    {
        var alter = new AlterColumnOperation
        {
            Table = "tags", Name = "name", ClrType = typeof(string), IsNullable = true,
            OldColumn = new AddColumnOperation { Table = "tags", Name = "name", ClrType = typeof(string), IsNullable = false },
        };

        Assert.Equal(["COG2207"], Check(alter).Codes());
    }

    [Fact]
    public void The_old_type_comes_from_the_model_before_the_migration_when_it_knows_the_column()
    {
        // The model says timestamp without time zone (as EF Core 2.x mapped DateTime); the CLR mapping today
        // would say timestamp with time zone and turn an unchanged column into a false lossy change.
        var before = NpgsqlScripts.Model(b => b.Entity("Event", e =>
        {
            e.ToTable("events");
            e.Property<int>("id");
            e.Property<DateTime>("at").HasColumnName("at").HasColumnType("timestamp without time zone");
        }));
        var alter = new AlterColumnOperation
        {
            Table = "events", Name = "at", ClrType = typeof(DateTime), ColumnType = "timestamp without time zone", IsNullable = true,
            OldColumn = new AddColumnOperation { Table = "events", Name = "at", ClrType = typeof(DateTime), IsNullable = true },
        };

        Assert.Empty(CheckAfter(before, alter));
    }

    [Fact]
    public void A_column_losing_its_serial_strategy_drops_its_sequence()
    {
        var alter = new AlterColumnOperation
        {
            Table = "orders", Name = "id", ClrType = typeof(int),
            OldColumn = new AddColumnOperation { Table = "orders", Name = "id", ClrType = typeof(int) },
        };
        alter.OldColumn.AddAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.SerialColumn);

        var finding = Assert.Single(Check(alter));

        Assert.Equal("COG2104", finding.Rule.Id);
        Assert.Equal("drops sequence orders_id_seq of column orders.id, which loses its serial default", finding.Hit.Action);
        Assert.Contains("DROP SEQUENCE orders_id_seq CASCADE;", finding.Hit.Statement);
    }

    [Fact]
    public void A_column_losing_its_identity_drops_no_sequence_finding()
    {
        var alter = new AlterColumnOperation
        {
            Table = "orders", Name = "id", ClrType = typeof(int),
            OldColumn = new AddColumnOperation { Table = "orders", Name = "id", ClrType = typeof(int) },
        };
        alter.OldColumn.AddAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

        Assert.Empty(Check(alter));
    }
}
