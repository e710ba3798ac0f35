using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Cognova.Migrations.Internal;

/// <summary>What <see cref="MigrationRunOptions.PendingModelChanges"/> asks for before a run connects.</summary>
internal static class PendingModelCheck
{
    /// <summary>
    /// Compares the model with the latest snapshot when the options ask to: logs a warning (5014) for
    /// <see cref="PendingModelChangesBehavior.Warn"/>, returns the run's error for <see cref="PendingModelChangesBehavior.Fail"/>.
    /// </summary>
    public static string? Run(DbContext context, MigrationRunOptions options, ILogger logger)
    {
        if (options.PendingModelChanges == PendingModelChangesBehavior.Ignore || options.TargetMigration is not null)
        {
            return null;
        }

        var assembly = context.GetService<IMigrationsAssembly>();
        if (assembly.Migrations.Count == 0 || assembly.ModelSnapshot is null)
        {
            return null;
        }

        if (!context.GetService<IMigrator>().HasPendingModelChanges())
        {
            return null;
        }

        var name = context.GetType().Name;
        if (options.PendingModelChanges == PendingModelChangesBehavior.Warn)
        {
            MigrationLog.PendingModelChanges(logger, name);
            return null;
        }

        return $"The model of {name} has changes that no migration captures, so no migration was applied. Add a migration: dotnet ef migrations add <Name> --context {name}";
    }
}
