using Cognova.Engine.Lint;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cognova.Build.Tests.Lint;

/// <summary>
/// Migrations as the design host builds them: SQL from the real Npgsql generator and store types from the
/// real Npgsql type mapping (no database is opened), linted with the default severities except the lock_timeout
/// guard (COG2307), which would add itself to nearly every test and has tests of its own (<see cref="CheckWithDefaults"/>).
/// </summary>
internal static class NpgsqlScripts
{
    // A context per script: the generator is a scoped service and tests run in parallel.
    public static MigrationScript Script(IRelationalModel? modelBefore, params MigrationOperation[] operations)
    {
        using var context = new DbContext(new DbContextOptionsBuilder().UseNpgsql("Host=localhost").Options);
        return MigrationScripts.Build(
            "20240101000000_Test", "Test", operations, context.GetService<IMigrationsSqlGenerator>(), null,
            context.GetService<IRelationalTypeMappingSource>(), modelBefore);
    }

    public static List<Finding> Check(params MigrationOperation[] operations) => CheckAfter(null, operations);

    public static List<Finding> CheckAfter(IRelationalModel? modelBefore, params MigrationOperation[] operations) =>
        new MigrationLinter(RuleSeverities.Parse("COG2307=none")).Lint(Script(modelBefore, operations)).ToList();

    public static List<Finding> CheckWithDefaults(params MigrationOperation[] operations) =>
        new MigrationLinter(RuleSeverities.Defaults).Lint(Script(null, operations)).ToList();

    public static List<Finding> CheckSql(string sql, bool suppressTransaction = false) =>
        Check(new SqlOperation { Sql = sql, SuppressTransaction = suppressTransaction });

    public static List<string> Codes(this IEnumerable<Finding> findings) => findings.Select(f => f.Rule.Id).ToList();

    /// <summary>The relational model of a context whose one entity is mapped by <paramref name="configure"/>.</summary>
    public static IRelationalModel Model(Action<ModelBuilder> configure) =>
        new ModelContext(configure).Model.GetRelationalModel();

    private sealed class ModelContext(Action<ModelBuilder> configure) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) =>
            options.UseNpgsql("Host=localhost").ReplaceService<IModelCacheKeyFactory, NoCache>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => configure(modelBuilder);
    }

    private sealed class NoCache : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => new object();
    }
}
