using Cognova.Engine.Build.Results;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Diagnostics;
using Cognova.Protocol;

namespace Cognova.Engine.Build;

/// <summary>
/// The part of <c>bundle</c> that runs once the strict checks passed: picks the DbContext the bundle
/// migrates and writes the bundle's deps.json, runtimeconfig.json (with the manifest) and the list
/// of extra assemblies into the staging folder the build then bundles.
/// </summary>
internal static class BundleCommand
{
    public const string ExtraFilesListName = "bundle-files.txt";

    /// <returns>The result, with the error that says why no bundle was staged when none was.</returns>
    public static CheckResult WriteStaging(EngineRequest arguments, ProjectInfo project, CheckResult result, HostLog log)
    {
        if (result.ErrorCount > 0)
        {
            return Fail(result, project, DiagnosticCodes.BundleChecksFailed,
                "The migration bundle was not written: the checks above failed, and a bundle never carries model drift, unreviewed destructive SQL or migrations missing from the lock file. Fix them (or approve the findings) and publish again.");
        }

        if (result.Contexts.Count == 0)
        {
            return Fail(result, project, DiagnosticCodes.BundleNoContext,
                "No migration bundle was written: this application has no DbContext with migrations, in its own code or in a project it references. "
                + "Publish the application that uses the DbContext, or turn the bundle off here with <CognovaBundle>false</CognovaBundle>.");
        }

        if (result.Contexts.Count > 1)
        {
            return Fail(result, project, DiagnosticCodes.BundleContextAmbiguous,
                $"A migration bundle migrates one DbContext, and this project has {result.Contexts.Count} ({string.Join(", ", result.Contexts.Select(c => c.Name))}). Say which with <CognovaBundleDbContext>Name</CognovaBundleDbContext>, or turn the bundle off with <CognovaBundle>false</CognovaBundle>.");
        }

        Stage(arguments, result.Contexts[0], log);
        return result;
    }

    /// <summary>
    /// A publish's own check stages the bundle too, so that the publish starts the host once: only when that
    /// check was as strict as the bundle's (drift an error, the SQL rules and the lock file on, no cache read)
    /// and found no error, and checked the DbContext the bundle migrates. Otherwise nothing is written, and
    /// the bundle's own check runs afterwards as before.
    /// </summary>
    public static void StageAfterCheck(EngineRequest arguments, CheckSettings settings, CheckResult result, HostLog log)
    {
        if (arguments.BundleStaging is null)
        {
            return;
        }

        var strict = settings.DriftSeverity == DiagnosticSeverity.Error && settings.SqlCheck && settings.LockCheck && settings.CacheDirectory is null;
        var name = arguments.BundleContext;
        var context = name is null
            ? result.Contexts.Count == 1 ? result.Contexts[0] : null
            : result.Contexts.FirstOrDefault(c => string.Equals(c.FullName, name, StringComparison.OrdinalIgnoreCase))
              ?? result.Contexts.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (!strict || result.ErrorCount > 0 || context is null)
        {
            log.Verbose("the bundle is not staged by this check: its own check runs");
            return;
        }

        Stage(arguments, context, log);
    }

    private static void Stage(EngineRequest arguments, ContextResult context, HostLog log)
    {
        var applicationName = Path.GetFileNameWithoutExtension(arguments.Assembly);
        var manifest = new BundleManifest(
            applicationName,
            context.FullName,
            context.Migrations.Select(m => new BundleManifest.LockedMigration(m.Id, m.SqlHash)).ToList(),
            context.HistoryTable,
            context.HistorySchema,
            context.Assembly);
        var staging = arguments.BundleStaging ?? throw new UsageException("missing --bundle-staging");
        var name = arguments.BundleName ?? throw new UsageException("missing --bundle-name");
        var added = BundleStaging.WriteDepsFile(arguments.DepsFile ?? throw new UsageException("missing --deps"), applicationName, arguments.BundleAssemblies, Path.Combine(staging, name + ".deps.json"));
        BundleStaging.WriteRuntimeConfig(arguments.RuntimeConfigFile ?? throw new UsageException("missing --runtimeconfig"), manifest, Path.Combine(staging, name + ".runtimeconfig.json"));
        AtomicFile.WriteAllText(Path.Combine(staging, ExtraFilesListName), string.Join('\n', added) + "\n");
        log.Verbose($"bundle staging written for {context.Name} ({manifest.Migrations.Count} migrations) in {staging}");
    }

    private static CheckResult Fail(CheckResult result, ProjectInfo project, string code, string message)
        => result.WithDiagnostics([new Diagnostic(code, DiagnosticSeverity.Error, message, project.ProjectFile)]);
}
