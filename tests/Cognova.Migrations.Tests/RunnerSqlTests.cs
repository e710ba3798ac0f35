using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Internal;

namespace Cognova.Migrations.Tests;

/// <summary>The runner's literals and row-or-none questions on a real server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RunnerSqlTests(PostgresServer server)
{
    [Theory]
    [InlineData("on")]
    [InlineData("off")]
    public async Task A_text_literal_reads_back_as_written_whatever_standard_conforming_strings_is(string setting)
    {
        var db = await TestDatabase.CreateAsync(server, "literal");
        const string value = "\"odd\".\"it's \\ a \\' name\"";
        await using var connection = await db.OpenAsync();
        await using (var set = connection.CreateCommand())
        {
            set.CommandText = $"SET standard_conforming_strings = {setting}";
            await set.ExecuteNonQueryAsync();
        }

        Assert.True(await RunnerSql.HoldsAsync(connection, $"{RunnerSql.Text(value)} = $v${value}$v$", CancellationToken.None));
        Assert.True(await RunnerSql.HoldsAsync(connection, $"pg_typeof({RunnerSql.BigInt(long.MinValue)}) = 'bigint'::regtype AND {RunnerSql.BigInt(long.MinValue)} = -9223372036854775807 - 1", CancellationToken.None));
        Assert.True(await RunnerSql.HoldsAsync(connection, $"{RunnerSql.BigInt(long.MaxValue)} = 9223372036854775807", CancellationToken.None));
        Assert.False(await RunnerSql.HoldsAsync(connection, $"{RunnerSql.Text(value)} = 'other'", CancellationToken.None));
    }

    [Fact]
    public async Task A_history_table_whose_schema_and_name_need_quoting_is_found()
    {
        var db = await TestDatabase.CreateAsync(server, "quoted");
        await db.ExecuteAsync("CREATE SCHEMA \"it's \\ odd\"; CREATE TABLE \"it's \\ odd\".\"hist\"\"ory\" (id int)");
        await using var connection = await db.OpenAsync();

        Assert.True(await RunnerSql.HoldsAsync(connection, $"to_regclass({RunnerSql.Text("\"it's \\ odd\".\"hist\"\"ory\"")}) IS NOT NULL", CancellationToken.None));
        Assert.False(await RunnerSql.HoldsAsync(connection, $"to_regclass({RunnerSql.Text("\"it's \\ odd\".\"history\"")}) IS NOT NULL", CancellationToken.None));
    }
}
