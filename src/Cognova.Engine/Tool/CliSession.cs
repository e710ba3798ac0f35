using System.Reflection;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Sources;
using Cognova.Migrations;
using Cognova.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cognova.Engine.Tool;

/// <summary>
/// What every <c>dotnet cognova</c> command starts from: the project the tool found and built, its
/// application assembly loaded into this host, and the one DbContext the command works on, created as
/// <c>dotnet ef</c> creates it (design-time factory, the application's host builder, or a parameterless
/// constructor). The tool passes the same project arguments as the build's checks.
/// </summary>
internal sealed class CliSession
{
    internal const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private SourceIndex? _sources;

    private CliSession(EngineRequest arguments, CliConsole console, HostLog log, ProjectInfo project, DesignTimeContexts contexts, IReadOnlyList<Type> contextTypes)
    {
        Request = arguments;
        Console = console;
        Log = log;
        Project = project;
        Contexts = contexts;
        ContextTypes = contextTypes;
        Database = new CommandDatabase(arguments, console, log);
    }

    public EngineRequest Request { get; }

    public CliConsole Console { get; }

    public HostLog Log { get; }

    public ProjectInfo Project { get; }

    public DesignTimeContexts Contexts { get; }

    /// <summary>The database the command works on, once it has a DbContext to point at it.</summary>
    public CommandDatabase Database { get; }

    /// <summary>The command's DbContext: the one <c>--context</c> names, or the project's only one.</summary>
    public Type ContextType => ContextTypes[0];

    /// <summary>The DbContexts a command about all of them works on (<see cref="OpenEvery"/>); otherwise just <see cref="ContextType"/>.</summary>
    public IReadOnlyList<Type> ContextTypes { get; }

    public string ContextName => ContextType.Name;

    /// <summary>The project's C# files (without bin/ and obj/), to find the snapshot and migrations in.</summary>
    public SourceIndex Sources => _sources ??= new SourceIndex(ProjectSourceFiles.Under(Project.ProjectDirectory));

    public static CliSession Open(EngineRequest arguments, CliConsole console, HostLog log) => Open(arguments, console, log, everyContext: false);

    /// <summary>A session over every DbContext of the project, or those <c>--context</c> names (<c>;</c>-separated).</summary>
    public static CliSession OpenEvery(EngineRequest arguments, CliConsole console, HostLog log) => Open(arguments, console, log, everyContext: true);

    private static CliSession Open(EngineRequest arguments, CliConsole console, HostLog log, bool everyContext)
    {
        var project = new ProjectInfo(arguments.Project, arguments.ProjectDirectory, arguments.RootNamespace);
        if (!ApplicationLoader.HasDesignPackage())
        {
            throw CliException.Usage(
                $"Microsoft.EntityFrameworkCore.Design is not referenced by {Path.GetFileName(project.ProjectFile)}, and dotnet cognova uses EF Core's design-time services (as dotnet ef does). "
                + "Add it: dotnet add package Microsoft.EntityFrameworkCore.Design (keep PrivateAssets=\"all\").");
        }

        Assembly assembly;
        try
        {
            assembly = log.Step("load application assembly", () => ApplicationLoader.Load(arguments.Assembly));
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException)
        {
            throw CliException.Usage($"Could not load the application assembly: {ex.Message} Build the project (leave out --no-build).");
        }

        // With --startup-project: the application that configures the context (dotnet ef's startup assembly).
        var startup = arguments.StartupAssembly is { } startupPath
            ? log.Step("load startup assembly", () => ApplicationLoader.Load(startupPath))
            : null;
        var contexts = new DesignTimeContexts(assembly, project, log, startup);
        IReadOnlyList<Type> found;
        try
        {
            found = log.Step("find DbContext types", contexts.FindContextTypes);
        }
        catch (ContextCreationException ex)
        {
            throw CliException.Usage($"Could not look for DbContext types in {assembly.GetName().Name}: {ex.Message}");
        }

        IReadOnlyList<Type> selected = everyContext
            ? SelectEvery(found, arguments.ContextNames, assembly)
            : [Select(found, arguments.Context, assembly)];
        return new CliSession(arguments, console, log, project, contexts, selected);
    }

    /// <summary>A new instance of the command's DbContext; the caller disposes it.</summary>
    public DbContext CreateContext() => CreateContext(ContextType);

    /// <summary>A new instance of one of <see cref="ContextTypes"/>; the caller disposes it.</summary>
    public DbContext CreateContext(Type contextType)
    {
        var name = contextType.Name;
        try
        {
            var context = Log.Step($"create {name}", () => Contexts.Create(contextType));
            if (context.Database.ProviderName != NpgsqlProvider)
            {
                context.Dispose();
                throw CliException.Usage($"{name} uses {context.Database.ProviderName ?? "no database provider"}; dotnet cognova works with PostgreSQL through Npgsql (UseNpgsql).");
            }

            return context;
        }
        catch (ContextCreationException ex)
        {
            throw CliException.Usage(
                $"Could not create {name} at design time: {ex.Message}\n"
                + $"dotnet cognova creates it as dotnet ef does: through an IDesignTimeDbContextFactory<{name}>, the application's services, or a parameterless constructor.");
        }
    }

    /// <summary>
    /// A second, independent instance of <paramref name="context"/>'s type with the same options, for work
    /// on another thread (a DbContext is not thread-safe), or null when none can be made. Not through the
    /// application's services: a context they resolve from their root scope is the same instance every time.
    /// </summary>
    public static DbContext? CreateSibling(DbContext context)
    {
        var type = context.GetType();
        var options = context.GetService<IDbContextOptions>();
        try
        {
            foreach (var constructor in type.GetConstructors())
            {
                var parameters = constructor.GetParameters();
                if (parameters.Length == 1 && parameters[0].ParameterType.IsInstanceOfType(options))
                {
                    return (DbContext)constructor.Invoke([options]);
                }
            }

            return type.GetConstructor(Type.EmptyTypes) is { } parameterless ? (DbContext)parameterless.Invoke([]) : null;
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    /// <summary>A migration id given by id or by name (<c>AddTags</c>), or <c>0</c> for before the first migration.</summary>
    public static string ResolveMigration(IEnumerable<string> ids, string given)
    {
        if (given == Microsoft.EntityFrameworkCore.Migrations.Migration.InitialDatabase)
        {
            return given;
        }

        var list = ids.ToList();
        return MigrationIds.Find(list, given)
               ?? throw CliException.Usage($"There is no migration '{given}'. Give its id or its name; the migrations are: {(list.Count == 0 ? "(none)" : string.Join(", ", list))}.");
    }

    private static IReadOnlyList<Type> SelectEvery(IReadOnlyList<Type> found, IReadOnlyList<string> wanted, Assembly assembly)
    {
        if (found.Count == 0)
        {
            throw CliException.Usage($"No DbContext found in {assembly.GetName().Name}.");
        }

        return wanted.Count == 0 ? found : wanted.Select(name => Select(found, name, assembly)).Distinct().ToList();
    }

    private static Type Select(IReadOnlyList<Type> found, string? wanted, Assembly assembly)
    {
        if (found.Count == 0)
        {
            throw CliException.Usage($"No DbContext found in {assembly.GetName().Name}.");
        }

        if (wanted is null)
        {
            return found.Count == 1
                ? found[0]
                : throw CliException.Usage($"The project has {found.Count} DbContexts ({string.Join(", ", found.Select(t => t.Name))}): say which with --context <Name>.");
        }

        return found.FirstOrDefault(t => string.Equals(t.FullName, wanted, StringComparison.OrdinalIgnoreCase))
               ?? found.FirstOrDefault(t => string.Equals(t.Name, wanted, StringComparison.OrdinalIgnoreCase))
               ?? throw CliException.Usage($"The project has no DbContext named '{wanted}' (found: {string.Join(", ", found.Select(t => t.Name))}).");
    }
}
