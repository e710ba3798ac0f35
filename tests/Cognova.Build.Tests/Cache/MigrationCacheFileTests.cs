using Cognova.Build.Tests.Lint;
using Cognova.Engine.Cache;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Tests.Cache;

/// <summary>The cache file gives back exactly what was linted, and a file that is not exactly that is not trusted.</summary>
public sealed class MigrationCacheFileTests : IDisposable
{
    private const string Context = "App.Data.AppDbContext";

    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("cognova-cache-file-").FullName, "App.Data.AppDbContext.json");

    [Fact]
    public void A_migration_read_back_gives_the_same_sql_hash_and_findings_as_when_it_was_linted()
    {
        var script = NpgsqlScripts.Script(null,
            new CreateTableOperation { Name = "tags", Columns = { new AddColumnOperation { Name = "id", Table = "tags", ClrType = typeof(int) } } },
            new DropColumnOperation { Name = "color", Table = "users" },
            new SqlOperation { Sql = "DELETE FROM users;\nUPDATE users SET name = 'x';" });
        var findings = new MigrationLinter(RuleSeverities.Defaults).Lint(script);
        Assert.NotEmpty(findings);

        MigrationCacheFile.Write(_path, Context, [CachedMigration.From(script, "key-1", findings)]);
        var read = MigrationCacheFile.Read(_path, Context)[script.Id];

        var restored = read.ToScript();
        Assert.Equal("key-1", read.Key);
        Assert.Equal(script.ClassName, restored.ClassName);
        Assert.Equal(script.SqlHash, restored.SqlHash);
        Assert.Equal(script.OperationSql, restored.OperationSql);
        Assert.Equal(script.OperationCount, restored.OperationCount);
        Assert.True(restored.FromCache);
        Assert.Equal(findings, read.ToFindings().ToList());
        Assert.Equal(findings.Select(f => f.StatementHash), read.ToFindings().Select(f => f.StatementHash));
    }

    [Fact]
    public void No_file_is_an_empty_cache()
        => Assert.Empty(MigrationCacheFile.Read(_path, Context));

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("{\"format\":1,\"context\":\"App.Data.AppDbContext\"}")]
    [InlineData("{\"format\":99,\"context\":\"App.Data.AppDbContext\",\"migrations\":[]}")]
    [InlineData("{\"format\":1,\"context\":\"Other.Context\",\"migrations\":[]}")]
    public void A_file_that_is_not_a_cache_of_this_version_and_context_is_not_trusted(string text)
    {
        File.WriteAllText(_path, text);

        Assert.Throws<InvalidCacheFileException>(() => MigrationCacheFile.Read(_path, Context));
    }

    [Fact]
    public void A_file_cut_short_is_not_trusted()
    {
        WriteOne();
        var text = File.ReadAllText(_path);
        File.WriteAllText(_path, text[..(text.Length / 2)]);

        Assert.Throws<InvalidCacheFileException>(() => MigrationCacheFile.Read(_path, Context));
    }

    [Fact]
    public void Sql_edited_in_the_file_no_longer_matches_its_hash_and_is_not_trusted()
    {
        WriteOne();
        File.WriteAllText(_path, File.ReadAllText(_path).Replace("DROP COLUMN", "ADD COLUMN"));

        var ex = Assert.Throws<InvalidCacheFileException>(() => MigrationCacheFile.Read(_path, Context));
        Assert.Contains("hash", ex.Message);
    }

    [Theory]
    [InlineData("\"rule\":\"COG2102\"", "\"rule\":\"COG9999\"")]
    [InlineData("\"severity\":\"Error\"", "\"severity\":\"None\"")]
    [InlineData("\"severity\":\"Error\"", "\"severity\":\"Loud\"")]
    [InlineData("\"operation\":0", "\"operation\":7")]
    [InlineData("\"operation\":0", "\"operation\":\"0\"")]
    public void A_finding_that_cannot_be_what_the_linter_reported_is_not_trusted(string from, string to)
    {
        WriteOne();
        var text = File.ReadAllText(_path);
        Assert.Contains(from, text);
        File.WriteAllText(_path, text.Replace(from, to));

        Assert.Throws<InvalidCacheFileException>(() => MigrationCacheFile.Read(_path, Context));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    private void WriteOne()
    {
        var script = NpgsqlScripts.Script(null, new DropColumnOperation { Name = "color", Table = "users" });
        var findings = new MigrationLinter(RuleSeverities.Parse("COG2307=none")).Lint(script);
        Assert.Equal([DiagnosticSeverity.Error], findings.Select(f => f.Severity));
        MigrationCacheFile.Write(_path, Context, [CachedMigration.From(script, "key-1", findings)]);
    }
}
