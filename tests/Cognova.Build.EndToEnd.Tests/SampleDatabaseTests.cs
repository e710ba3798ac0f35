using Cognova.Build.Testing.Postgres;
using Cognova.Sample.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// The tests that need PostgreSQL share one server: a throw-away cluster, or the server named by
/// COGNOVA_TEST_DATABASE_URL. xunit 2 only finds collection definitions in the test assembly, so the
/// definition lives here while <see cref="PostgresServer"/> lives in Cognova.Build.Testing.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>The sample app's migrations, applied by the real EF Core migrator to a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SampleDatabaseTests(PostgresServer server)
{
    [Fact]
    public async Task Migrate_creates_the_user_and_tags_tables_with_their_columns_index_and_foreign_key()
    {
        var connectionString = await server.CreateDatabaseAsync("sample");

        using (var db = NewContext(connectionString))
        {
            db.Database.Migrate();
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var tables = await Database.QueryAsync(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            r => r.GetString(0));
        Assert.Contains("user", tables);
        Assert.Contains("tags", tables);
        Assert.Contains("__EFMigrationsHistory", tables);

        var columns = (await Database.QueryAsync(connection,
            """
            SELECT column_name, data_type, is_nullable = 'YES', column_default
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = 'tags'
            """,
            r => new Column(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.IsDBNull(3) ? null : r.GetString(3))))
            .ToDictionary(c => c.Name);
        Assert.Equal(["color", "created_at", "created_by", "id", "name"], columns.Keys.Order());

        Assert.Equal("uuid", columns["id"].Type);
        Assert.False(columns["id"].Nullable);
        Assert.Equal("gen_random_uuid()", columns["id"].Default);

        Assert.Equal("text", columns["name"].Type);
        Assert.False(columns["name"].Nullable);

        Assert.Equal("text", columns["color"].Type);
        Assert.False(columns["color"].Nullable);

        Assert.Equal("timestamp with time zone", columns["created_at"].Type);
        Assert.False(columns["created_at"].Nullable);
        Assert.Equal("now()", columns["created_at"].Default);

        Assert.Equal("uuid", columns["created_by"].Type);
        Assert.True(columns["created_by"].Nullable);
        Assert.Null(columns["created_by"].Default);

        // A unique index on exactly tags(name).
        var uniqueNameIndexes = await Database.QueryAsync(connection,
            """
            SELECT index_class.relname
            FROM pg_index AS ix
            JOIN pg_class AS index_class ON index_class.oid = ix.indexrelid
            JOIN pg_attribute AS a ON a.attrelid = ix.indrelid AND a.attnum = ix.indkey[0]
            WHERE ix.indrelid = 'public.tags'::regclass AND ix.indisunique AND ix.indnatts = 1 AND a.attname = 'name'
            """,
            r => r.GetString(0));
        Assert.Single(uniqueNameIndexes);

        // A foreign key from tags.created_by to user.id that sets null on delete.
        var foreignKeys = await Database.QueryAsync(connection,
            """
            SELECT a.attname, fa.attname, c.confdeltype::text
            FROM pg_constraint AS c
            JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            JOIN pg_attribute AS fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1]
            WHERE c.contype = 'f'
              AND c.conrelid = 'public.tags'::regclass
              AND c.confrelid = 'public."user"'::regclass
              AND cardinality(c.conkey) = 1
            """,
            r => (Column: r.GetString(0), Referenced: r.GetString(1), OnDelete: r.GetString(2)));
        var foreignKey = Assert.Single(foreignKeys);
        Assert.Equal(("created_by", "id", "n"), foreignKey);

        var history = await Database.QueryAsync(connection,
            "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"",
            r => r.GetString(0));
        Assert.EndsWith("_Init", Assert.Single(history), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_twice_is_a_no_op()
    {
        var connectionString = await server.CreateDatabaseAsync("sample_twice");

        using (var db = NewContext(connectionString))
        {
            db.Database.Migrate();
        }

        using (var db = NewContext(connectionString))
        {
            Assert.Empty(db.Database.GetPendingMigrations());
            db.Database.Migrate();
            Assert.Single(db.Database.GetAppliedMigrations());
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_database_fills_id_and_created_at_of_a_new_tag()
    {
        var connectionString = await server.CreateDatabaseAsync("sample_insert");
        using (var db = NewContext(connectionString))
        {
            db.Database.Migrate();
        }

        var before = await ServerNowAsync(connectionString);
        Guid id;
        using (var db = NewContext(connectionString))
        {
            var tag = new Tag { Name = "urgent", Color = "#ff0000" };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            id = tag.Id;
            Assert.NotEqual(Guid.Empty, id);
        }

        var after = await ServerNowAsync(connectionString);
        using (var db = NewContext(connectionString))
        {
            var read = await db.Tags.AsNoTracking().SingleAsync(t => t.Id == id);
            Assert.Equal("urgent", read.Name);
            Assert.Equal("#ff0000", read.Color);
            Assert.Null(read.CreatedBy);
            Assert.InRange(read.CreatedAt, before, after);
        }

        // Deleting the creator clears created_by instead of deleting the tag.
        using (var db = NewContext(connectionString))
        {
            var user = new User { Name = "Ada", Email = "ada@example.com" };
            var tag = new Tag { Name = "later", Color = "#00ff00", Creator = user };
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            Assert.Equal(user.Id, tag.CreatedBy);

            await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync();
        }

        using (var db = NewContext(connectionString))
        {
            var orphan = await db.Tags.AsNoTracking().SingleAsync(t => t.Name == "later");
            Assert.Null(orphan.CreatedBy);
        }
    }

    private static AppDbContext NewContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options);

    private static async Task<DateTimeOffset> ServerNowAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // now() is the start of the transaction; clock_timestamp() is the moment of the call.
        var rows = await Database.QueryAsync(connection, "SELECT clock_timestamp()", r => r.GetFieldValue<DateTimeOffset>(0));
        return rows[0];
    }

    private sealed record Column(string Name, string Type, bool Nullable, string? Default);
}
