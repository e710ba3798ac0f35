using Cognova.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Tests.Lock;

/// <summary>Small migration scripts for lock tests: the SQL is all that the lock looks at.</summary>
internal static class LockTestData
{
    public static MigrationScript Script(string id, string sql)
        => new(id, id[(id.IndexOf('_') + 1)..], [new SqlOperation { Sql = sql }], [sql], sql);

    public static IReadOnlyList<MigrationScript> Scripts(params (string Id, string Sql)[] migrations)
        => migrations.Select(m => Script(m.Id, m.Sql)).ToList();
}
