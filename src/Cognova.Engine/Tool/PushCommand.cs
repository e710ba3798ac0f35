using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Cognova.Engine.Tool.Push;
using Cognova.Engine.Tool.Schema;
using Cognova.Migrations.Tooling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cognova.Engine.Tool;

/// <summary>
/// <c>dotnet cognova push</c>: development sync without migration files. Reads the live schema (the
/// provider's reverse-engineering services), diffs it against the model (EF Core's model differ),
/// prints the plan as the provider's SQL, counts what the plan would lose, and applies it in one
/// transaction. Data loss needs a yes at the prompt or <c>--force</c>; without a terminal it is refused
/// with <see cref="ExitCodes.ConfirmationRequired"/>. A database that looks like production is
/// refused unless <c>--allow-production</c>.
/// </summary>
internal static class PushCommand
{
    public static int Run(CliSession session)
    {
        var arguments = session.Request;
        var console = session.Console;
        var dryRun = arguments.DryRun;
        session.Database.WarmUp();
        using var context = session.CreateContext();
        var database = session.Database.Use(context);
        if (!arguments.AllowProduction && ProductionGuard.Reason(database.Host, database.Database) is { } reason)
        {
            throw new CliException(
                ExitCodes.ProductionRefused,
                $"Refusing to push to {database}: it looks like production ({reason}). push is for development databases; "
                + "production gets reviewed migrations (dotnet cognova migrate, or the bundle). If this really is a development database, run with --allow-production.");
        }

        var model = context.GetService<IDesignTimeModel>().Model;
        var designServices = LiveSchema.DesignServices(context, session.Log);
        IModel? live;
        bool exists;
        using (console.Progress($"Reading the schema of {database}"))
        {
            live = LiveSchema.Read(context, designServices, model, session.Log);
            exists = live is not null;
        }

        var operations = session.Log.Step("diff the database against the model", () => SchemaDiff.Between(context, live, model));
        if (exists && operations.Count == 0)
        {
            console.Success($"{database} is in sync with the model of {session.ContextName}: nothing to push.");
            return ExitCodes.Success;
        }

        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(operations, model);
        console.Heading($"Plan for {database} ({Count(commands.Count, "statement")}):");
        if (!exists)
        {
            console.Sql($"  -- the database {database.Database} does not exist: push creates it");
        }

        foreach (var command in commands)
        {
            console.Sql(string.Join('\n', command.CommandText.Trim().Split('\n').Select(l => "  " + l.TrimEnd())));
        }

        var losses = exists
            ? DataLossEstimator.Estimate(operations, Open(context), context.GetService<ISqlGenerationHelper>())
            : [];
        if (losses.Count > 0)
        {
            console.Line();
            console.Warning("Data loss ahead:");
            foreach (var loss in losses)
            {
                console.Warning("  - " + loss);
            }
        }

        var renames = operations.Where(o => o is RenameColumnOperation or RenameTableOperation).Select(Drift.DriftDescriber.Describe).ToList();
        if (renames.Count > 0)
        {
            // EF Core's differ pairs a removed and an added column of the same shape as a rename, as
            // dotnet ef migrations add does: the data stays, under the new name.
            console.Dim($"Read as renames (the data stays, under the new name): {string.Join("; ", renames)}.");
        }

        if (exists && HistoryCount(context) is > 0 and var applied)
        {
            console.Dim($"Note: this database has {Count(applied, "applied migration")}; push changes it outside them (dotnet cognova status will show the difference).");
        }

        if (dryRun)
        {
            console.Line();
            console.Line("Dry run: nothing was changed.");
            return ExitCodes.Success;
        }

        if (losses.Any(l => l.LosesData) && !arguments.Force)
        {
            if (!console.IsInteractive)
            {
                console.Error("Nothing was changed: the plan loses data, and there is no terminal to confirm it on. "
                              + "Run with --force to apply it anyway, or --dry-run to only look.");
                return ExitCodes.ConfirmationRequired;
            }

            console.Line();
            if (!console.Confirm("Apply the plan and lose this data?"))
            {
                console.Line("Nothing was changed.");
                return ExitCodes.ConfirmationRequired;
            }
        }

        if (!exists)
        {
            using (console.Progress($"Creating {database.Database}"))
            {
                context.Database.CloseConnection();
                context.GetService<IRelationalDatabaseCreator>().Create();
            }
        }

        return Apply(session, context, commands, database);
    }

    /// <summary>
    /// Runs the plan in one transaction: all of it or none of it. Statements that PostgreSQL cannot run
    /// in a transaction (<c>CREATE INDEX CONCURRENTLY</c>) run after the commit, each on its own.
    /// </summary>
    private static int Apply(CliSession session, DbContext context, IReadOnlyList<MigrationCommand> commands, DatabaseTarget database)
    {
        var console = session.Console;
        var connection = Open(context);
        var watch = Stopwatch.StartNew();
        var current = "";
        try
        {
            using (console.Progress($"Pushing to {database}"))
            {
                using (var transaction = connection.BeginTransaction())
                {
                    foreach (var command in commands.Where(c => !c.TransactionSuppressed))
                    {
                        current = command.CommandText;
                        Execute(connection, transaction, command.CommandText);
                    }

                    transaction.Commit();
                }

                foreach (var command in commands.Where(c => c.TransactionSuppressed))
                {
                    current = command.CommandText;
                    Execute(connection, null, command.CommandText);
                }
            }
        }
        catch (DbException ex)
        {
            console.Error($"The push failed and was rolled back, so nothing was changed: {Cognova.Migrations.DatabaseErrors.Describe(ex)}");
            console.Error("  at: " + current.Trim().Split('\n')[0]);
            return ExitCodes.Failed;
        }

        console.Success($"Pushed {Count(commands.Count, "statement")} to {database} in {watch.ElapsedMilliseconds} ms.");
        return ExitCodes.Success;
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static DbConnection Open(DbContext context)
    {
        var connection = context.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            connection.Open();
        }

        return connection;
    }

    private static int HistoryCount(DbContext context)
    {
        try
        {
            return context.GetService<IHistoryRepository>().GetAppliedMigrations().Count;
        }
        catch (DbException)
        {
            return 0;
        }
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
