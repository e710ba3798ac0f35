using Cognova.Build.Design.Migrations;
using Microsoft.EntityFrameworkCore;

namespace Cognova.Bundle;

/// <summary>
/// Before the bundle touches a database it checks that its migrations generate exactly the SQL
/// the lock file recorded when the bundle was built: same migrations, same order, same hashes.
/// </summary>
public static class BundleIntegrity
{
    public static void Verify(DbContext context, BundleManifestData manifest)
    {
        var scripts = MigrationScripts.Generate(context);
        var problems = new List<string>();
        if (scripts.Count != manifest.Migrations.Count)
        {
            problems.Add($"it has {scripts.Count} migrations and its lock lists {manifest.Migrations.Count}");
        }

        foreach (var (script, locked) in scripts.Zip(manifest.Migrations))
        {
            if (script.Id != locked.Id)
            {
                problems.Add($"migration {script.Id} stands where the lock has {locked.Id}");
            }
            else if (script.SqlHash != locked.Sql)
            {
                problems.Add($"the SQL of migration {script.Id} differs from the locked SQL");
            }
        }

        if (problems.Count > 0)
        {
            throw new BundleUsageException("This bundle does not match the lock file it was built with (" + string.Join("; ", problems) + "). Publish it again from a clean build.");
        }
    }
}
