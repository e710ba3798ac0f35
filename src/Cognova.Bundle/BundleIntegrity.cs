using Cognova.Migrations;
using Cognova.Migrations.Tooling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Bundle;

/// <summary>
/// The bundle runs only the SQL the lock file recorded when it was built: same migrations, same order,
/// same hashes. The ids are compared before the bundle touches a database; the SQL either all at once
/// (<see cref="Verify"/>) or migration by migration in the background (<see cref="BundleVerification"/>).
/// </summary>
public static class BundleIntegrity
{
    /// <summary>Same migrations in the same order, read from the assembly without generating any SQL.</summary>
    public static void VerifyIds(DbContext context, BundleManifestData manifest)
    {
        var ids = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        var problems = new List<string>();
        if (ids.Count != manifest.Migrations.Count)
        {
            problems.Add($"it has {ids.Count} migrations and its lock lists {manifest.Migrations.Count}");
        }

        foreach (var (id, locked) in ids.Zip(manifest.Migrations))
        {
            if (id != locked.Id)
            {
                problems.Add($"migration {id} stands where the lock has {locked.Id}");
            }
        }

        ThrowIfAny(problems);
    }

    /// <summary>Every migration's SQL against its locked hash, before anything runs.</summary>
    public static void Verify(DbContext context, BundleManifestData manifest)
    {
        VerifyIds(context, manifest);
        var problems = MigrationScripts.Enumerate(context)
            .Zip(manifest.Migrations)
            .Where(pair => pair.First.SqlHash != pair.Second.Sql)
            .Select(pair => SqlDiffers(pair.First.Id))
            .ToList();
        ThrowIfAny(problems);
    }

    internal static string SqlDiffers(string id) => $"the SQL of migration {id} differs from the locked SQL";

    internal static BundleUsageException Mismatch(IEnumerable<string> problems)
        => new("This bundle does not match the lock file it was built with (" + string.Join("; ", problems) + "). Publish it again from a clean build.");

    private static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw Mismatch(problems);
        }
    }
}
