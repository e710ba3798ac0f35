using Cognova.Build.Testing.Postgres;
using Cognova.Migrations.Tests.Contexts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Cognova.Migrations.Tests;

/// <summary>
/// The runner's log lines and results, grepped for passwords that broke masking: written with <c>PSW=</c>,
/// <c>SSL Password</c>, doubled quotes and both quotes, echoed by the server in an error message.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SecretsTests(PostgresServer server)
{
    private static readonly string[] Markers = ["Kv8mq", "Jw3pz", "Rt6xa", "Nb2qe", "Ls5zu", "Hd4cy"];

    [Fact]
    public async Task A_migration_error_that_echoes_the_password_is_masked_in_the_result_and_the_log()
    {
        var db = await TestDatabase.CreateAsync(server, "secret_echo");
        var builder = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        var log = new LogSink();
        // The throw-away server trusts local connections: the password is sent nowhere, but it is in the string.
        var connectionString = $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username};"
                               + $"PSW='{EchoContext.Password.Replace("'", "''", StringComparison.Ordinal)}'";
        await using var context = new TestDatabase(connectionString).NewContext<EchoContext>();

        var result = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);

        Assert.Equal(MigrationRunStatus.Failed, result.Status);
        Assert.Contains("22P02", result.Error);
        AssertNoPassword(result.Error!);
        Assert.NotEmpty(log.Entries);
        Assert.All(log.Entries, e => AssertNoPassword(e.Message));
    }

    [Fact]
    public async Task An_unreachable_server_shows_no_password_written_with_any_keyword_or_quoting()
    {
        var log = new LogSink();
        var connectionString = $"Host=127.0.0.1;Port=1;Database=nowhere;Username=u;Timeout=3;"
                               + $"SSL Password=\"Nb2qe;Ls5zu=Hd4cy\";PSW='{EchoContext.Password.Replace("'", "''", StringComparison.Ordinal)}'";
        await using var context = new TestDatabase(connectionString).NewContext<GoodContext>();

        var result = await AdvisoryLockMigrator.RunAsync(context, new MigrationRunOptions(), log.Logger);

        Assert.Equal(MigrationRunStatus.Unreachable, result.Status);
        AssertNoPassword(result.Error!);
        Assert.All(log.Entries, e => AssertNoPassword(e.Message));
        AssertNoPassword(ConnectionStringMasker.Mask(connectionString));
        AssertNoPassword(ConnectionStringMasker.MaskText("failed with " + connectionString + " at startup"));
    }

    private static void AssertNoPassword(string text)
    {
        foreach (var marker in Markers)
        {
            Assert.False(text.Contains(marker, StringComparison.OrdinalIgnoreCase), $"'{marker}' shows in: {text}");
        }
    }
}

/// <summary>A context whose one migration makes the server quote the connection's password in its error.</summary>
public sealed class EchoContext(DbContextOptions<EchoContext> options) : DbContext(options)
{
    public const string Password = "Kv8mq'Jw3pz\"Rt6xa";
}

[DbContext(typeof(EchoContext))]
[Migration("20260110000001_EchoPassword")]
public sealed class EchoPasswordMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql($"SELECT '{EchoContext.Password.Replace("'", "''", StringComparison.Ordinal)}'::integer;");
}
