using System.Reflection;
using Cognova.Engine.Build.Checks;
using Cognova.Engine.Build.Results;
using Cognova.Engine.Cache;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Drift;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;
using Cognova.Engine.Types;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cognova.Engine.Build;

/// <summary>
/// Creates each selected DbContext once and runs every check on it: model drift, the SQL rules on each
/// migration, approvals and the lock file. It computes a <see cref="CheckResult"/> and prints nothing; the
/// lock files it changed in memory are written afterwards from the result (<see cref="LockFileWrites"/>).
/// </summary>
internal sealed class ContextChecks(
    ProjectInfo project,
    CheckSettings settings,
    SourceIndex sources,
    HostLog log)
{
    private readonly MigrationLinter _linter = new(settings.RuleSeverities);
    private readonly MigrationCache _cache = new(settings.CacheDirectory, readEntries: !settings.LockReadOnly, sources, settings.RuleSeverities, log);
    private readonly MigrationChecks _migrationChecks = new(project, settings, sources);
    private readonly TypeScriptModel _typeScriptModel = new();

    /// <summary>The TypeScript types to produce from the contexts this run creates; null: none.</summary>
    public TypeScriptSettings? TypeScript { get; init; }

    /// <summary>
    /// Leave a context to the referenced project that checks it itself. Off for a bundle and an approval:
    /// they need the context the application migrates, whoever else checks it.
    /// </summary>
    public bool DeferToReferencedProjects { get; init; }

    public CheckResult Run(Assembly assembly, ApprovalRequest? approval)
    {
        var diagnostics = new DiagnosticList();
        var results = new List<ContextResult>();
        var approvalMatches = 0;
        var contexts = new DesignTimeContexts(assembly, project, log);
        IReadOnlyList<Type> found;
        try
        {
            found = log.Step("find DbContext types", contexts.FindContextTypes);
        }
        catch (ContextCreationException ex)
        {
            diagnostics.Add(AtProject(DiagnosticCodes.ContextCreationFailed, DiagnosticSeverity.Error, $"Could not look for DbContext types in {assembly.GetName().Name}: {ex.Message}"));
            return Result(results, diagnostics, approvalMatches);
        }

        if (found.Count == 0)
        {
            diagnostics.Add(AtProject(DiagnosticCodes.NoContextFound, DiagnosticSeverity.Info, $"No DbContext found in {assembly.GetName().Name}; there is no model to check."));
            return Result(results, diagnostics, approvalMatches);
        }

        foreach (var type in ContextSelection.Select(found, settings.ContextNames, project.ProjectFile, diagnostics))
        {
            if (IsCheckedElsewhere(type, diagnostics))
            {
                // The referenced project checks it, but the types are this project's: the application's JSON settings are here.
                if (TypeScript is not null && !project.IsLibrary)
                {
                    DescribeForTypes(contexts, type, diagnostics);
                }

                continue;
            }

            var (context, matches) = CheckContext(contexts, type, approval, diagnostics);
            approvalMatches += matches;
            if (context is not null)
            {
                results.Add(context);
            }
        }

        if (TypeScript is not null)
        {
            var (wire, source) = log.Step("read the JSON contract", _typeScriptModel.Wire);
            log.Verbose("JSON settings: " + source);
            TypeScriptTypes.Produce(TypeScript, _typeScriptModel.Description(), wire, name => sources.FindClass(name), project.ProjectFile, diagnostics, log);
        }

        return Result(results, diagnostics, approvalMatches);
    }

    private CheckResult Result(IReadOnlyList<ContextResult> contexts, DiagnosticList diagnostics, int approvalMatches) => new(
        contexts,
        [.. diagnostics.Items],
        _migrationChecks.LockWrites(),
        _migrationChecks.LockFiles(),
        approvalMatches);

    /// <summary>
    /// Each migrations assembly is checked once. A class library cannot create a DbContext that only the
    /// application configures (<c>AddDbContext</c>): the application's build checks it. An application
    /// leaves a context to the referenced project that declares it when that project runs the checks
    /// itself and can create it alone (see <see cref="DeferToReferencedProjects"/>).
    /// </summary>
    private bool IsCheckedElsewhere(Type type, DiagnosticList diagnostics)
    {
        var location = sources.FindClass(type.Name);
        if (project.IsLibrary && !StandaloneContext.CanCreate(type))
        {
            diagnostics.Add(At(
                DiagnosticCodes.ContextNeedsStartupProject,
                DiagnosticSeverity.Info,
                $"{type.Name} has no design-time factory, so {Path.GetFileNameWithoutExtension(project.ProjectFile)} (a class library) cannot create it alone: "
                + $"it is checked when the application that configures it builds. Reference Cognova.Build from that startup project (the one that calls AddDbContext<{type.Name}>), "
                + $"or add an IDesignTimeDbContextFactory<{type.Name}> to this project.",
                location));
            return true;
        }

        if (DeferToReferencedProjects && location is not null && project.Referenced.Containing(location.File) is { ChecksItself: true } owner && StandaloneContext.CanCreate(type))
        {
            log.Verbose($"{type.Name} is checked by the build of {Path.GetFileName(owner.ProjectFile)}, which declares it");
            return true;
        }

        return false;
    }

    private void DescribeForTypes(DesignTimeContexts contexts, Type type, DiagnosticList diagnostics)
    {
        try
        {
            using var context = log.Step($"create {type.Name}", () => contexts.Create(type));
            _typeScriptModel.Add(context, contexts.ApplicationServices);
        }
        catch (ContextCreationException ex)
        {
            diagnostics.Add(At(
                DiagnosticCodes.ContextCreationFailed,
                DiagnosticSeverity.Error,
                $"Could not create {type.Name} at design time for the TypeScript types: {ex.Message}",
                sources.FindClass(type.Name)));
        }
    }

    /// <returns>The context's result (null when it was not checked: it could not be created, or only the types were asked for) and how many migrations the approval matched.</returns>
    private (ContextResult? Result, int ApprovalMatches) CheckContext(DesignTimeContexts contexts, Type type, ApprovalRequest? approval, DiagnosticList run)
    {
        var contextLocation = sources.FindClass(type.Name);
        var snapshotTask = SnapshotLoader.StartLoading(type.Assembly, type);
        var needsScripts = settings.SqlCheck || settings.LockCheck || approval is not null;
        if (needsScripts)
        {
            _cache.StartReading(type);
        }

        DbContext context;
        try
        {
            context = log.Step($"create {type.Name}", () => contexts.Create(type));
        }
        catch (ContextCreationException ex)
        {
            run.Add(At(
                DiagnosticCodes.ContextCreationFailed,
                DiagnosticSeverity.Error,
                $"Could not create {type.Name} at design time: {ex.Message}\n"
                + $"The checks create it as dotnet ef does: through an IDesignTimeDbContextFactory<{type.Name}>, the application's services, or a parameterless constructor.",
                contextLocation));
            return (null, 0);
        }

        using (context)
        {
            if (TypeScript is not null)
            {
                log.Step($"describe {type.Name} for the TypeScript types", () =>
                {
                    _typeScriptModel.Add(context, contexts.ApplicationServices);
                    return true;
                });
                if (!settings.AnyCheck && approval is null)
                {
                    return (null, 0);
                }
            }

            var reporter = new HostReporter(log);
            var finalizing = DriftDetector.StartFinalizing(context, reporter, snapshotTask);
            var diagnostics = new DiagnosticList();
            var relational = context.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault();
            var result = new ContextResult(
                type.Name,
                type.FullName ?? type.Name,
                type.Assembly.GetName().Name,
                relational?.MigrationsHistoryTableName ?? ContextResult.DefaultHistoryTable,
                relational?.MigrationsHistoryTableSchema,
                LockFile: null,
                Drift: [],
                Migrations: [],
                LockProblems: [],
                Diagnostics: []);
            var prepared = needsScripts ? _cache.Prepare(context, type) : null;

            // While this thread compares the model with the snapshot: the cache lookup, then the SQL of the
            // migrations the cache does not hold, on a second instance of the context (EF Core contexts are not thread-safe).
            var scriptsTask = prepared is null ? null : Task.Run(() =>
            {
                var plan = prepared();
                return (Plan: plan, Generated: plan.AnyToGenerate ? GenerateScripts(contexts, type, plan) : Array.Empty<MigrationScript>());
            });
            var drift = log.Step($"diff {type.Name} model against snapshot", () => DriftDetector.Detect(context, reporter, finalizing));
            var snapshotLocation = drift.SnapshotTypeName is null ? null : sources.FindClass(drift.SnapshotTypeName);
            result = result with { Drift = CheckDrift(drift, snapshotLocation ?? contextLocation, diagnostics) };

            var approvalMatches = 0;
            if (scriptsTask is not null)
            {
                var (plan, generated) = scriptsTask.GetAwaiter().GetResult();
                var (scripts, allFindings) = log.Step("apply SQL rules", () => plan.Join(generated, _linter.Lint));
                var findings = settings.SqlCheck ? allFindings : [];
                (result, approvalMatches) = log.Step("compare the migrations with the lock file", () => _migrationChecks.Check(result, scripts, findings, snapshotLocation, approval, diagnostics));
            }

            run.Append(diagnostics);
            return (result with { Diagnostics = [.. diagnostics.Items] }, approvalMatches);
        }
    }

    private IReadOnlyList<MigrationScript> GenerateScripts(DesignTimeContexts contexts, Type type, CachePlan plan)
    {
        using var second = contexts.Create(type);
        return log.Step($"generate SQL of {type.Name} migrations", () => MigrationScripts.Generate(second, plan.NeedsGeneration));
    }

    private IReadOnlyList<string> CheckDrift(ModelDrift drift, SourceLocation? location, DiagnosticList diagnostics)
    {
        var diagnostic = DriftReport.ToDiagnostic(drift, settings.DriftSeverity, location ?? new SourceLocation(project.ProjectFile));
        if (diagnostic is null)
        {
            log.Verbose($"{drift.ContextName}: model matches the snapshot of {drift.LatestMigrationId ?? "(no migration)"}");
        }

        diagnostics.Add(diagnostic);
        return DriftDescriber.Describe(drift.Differences);
    }

    private Diagnostic AtProject(string code, DiagnosticSeverity severity, string message)
        => new(code, severity, message, project.ProjectFile);

    private Diagnostic At(string code, DiagnosticSeverity severity, string message, SourceLocation? location)
        => new(code, severity, message, location?.File ?? project.ProjectFile, location?.Line ?? 0, location?.Column ?? 0);
}
