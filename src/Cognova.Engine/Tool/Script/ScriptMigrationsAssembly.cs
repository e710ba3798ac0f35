using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Tool.Script;

/// <summary>
/// The application's <see cref="IMigrationsAssembly"/> with one change: each migration it creates has its raw
/// SQL operations rewritten by <see cref="ScriptableRawSql"/>, so that EF Core's own migrator writes a script
/// psql can run. Everything else is passed through as it is (a proxy, so that it fits whatever EF Core
/// version the application uses).
/// </summary>
internal class ScriptMigrationsAssembly : DispatchProxy
{
    private IMigrationsAssembly _inner = null!;
    private bool _idempotent;
    private bool _down;
    private Action<string, ScriptableSql> _rewritten = null!;

    /// <param name="down">Whether the script reverts migrations (runs their Down operations) rather than applies them.</param>
    /// <param name="rewritten">Told each rewritten operation, with the id of its migration.</param>
    internal static IMigrationsAssembly Wrap(IMigrationsAssembly inner, bool idempotent, bool down, Action<string, ScriptableSql> rewritten)
    {
        var proxy = Create<IMigrationsAssembly, ScriptMigrationsAssembly>();
        var self = (ScriptMigrationsAssembly)(object)proxy;
        self._inner = inner;
        self._idempotent = idempotent;
        self._down = down;
        self._rewritten = rewritten;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        object? result;
        try
        {
            result = targetMethod!.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        if (result is Migration migration && targetMethod.Name == nameof(IMigrationsAssembly.CreateMigration))
        {
            var id = migration.GetType().GetCustomAttribute<MigrationAttribute>()?.Id ?? migration.GetType().Name;
            Rewrite(id, _down ? migration.DownOperations : migration.UpOperations);
        }

        return result;
    }

    private void Rewrite(string migrationId, IReadOnlyList<MigrationOperation> operations)
    {
        foreach (var operation in operations.OfType<SqlOperation>())
        {
            var scriptable = ScriptableRawSql.Rewrite(operation.Sql, _idempotent);
            operation.Sql = scriptable.Sql;
            if (scriptable.Changes.Count > 0 || scriptable.Hazards.Count > 0)
            {
                _rewritten(migrationId, scriptable);
            }
        }
    }
}
