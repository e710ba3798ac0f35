using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;

namespace Cognova.Engine.DesignTime;

/// <summary>
/// Finds and creates the project's DbContexts the way <c>dotnet ef</c> does (design-time factories,
/// the application's host builder, parameterless constructors) through EF Core's own
/// <see cref="DbContextOperations"/>. With a startup assembly (<c>dotnet cognova -p Data -s Api</c>), the
/// application's services come from the startup assembly and the migrations from <c>assembly</c>, as
/// with <c>dotnet ef --project Data --startup-project Api</c>.
/// </summary>
internal sealed class DesignTimeContexts
{
    private readonly DbContextOperations _operations;
    private readonly CachingAppServiceProviderFactory _applicationServices;

    public DesignTimeContexts(Assembly assembly, ProjectInfo project, HostLog log, Assembly? startupAssembly = null)
    {
        var reporter = new HostReporter(log);
        startupAssembly ??= assembly;
        _applicationServices = new CachingAppServiceProviderFactory(startupAssembly, reporter);
        _operations = new CachedServicesDbContextOperations(
            reporter,
            assembly,
            startupAssembly,
            project.ProjectFile,
            project.ProjectDirectory,
            project.RootNamespace,
            language: "C#",
            nullable: true,
            args: [],
            _applicationServices);
    }

    /// <summary>The application's services (its host builder's), also when a context comes from a design-time factory; null until the types were looked for.</summary>
    public IServiceProvider? ApplicationServices => _applicationServices.Built;

    /// <summary>Reaches EF Core's constructor that takes the service provider factory.</summary>
    private sealed class CachedServicesDbContextOperations(
        IOperationReporter reporter,
        Assembly assembly,
        Assembly startupAssembly,
        string project,
        string projectDir,
        string? rootNamespace,
        string? language,
        bool nullable,
        string[]? args,
        AppServiceProviderFactory appServicesFactory)
        : DbContextOperations(reporter, assembly, startupAssembly, project, projectDir, rootNamespace, language, nullable, args, appServicesFactory);

    public IReadOnlyList<Type> FindContextTypes()
    {
        try
        {
            return _operations.GetContextTypes().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        }
        catch (Exception ex)
        {
            throw new ContextCreationException("(any)", Innermost(ex).Message, ex);
        }
    }

    public DbContext Create(Type contextType)
    {
        try
        {
            return _operations.CreateContext(contextType.AssemblyQualifiedName);
        }
        catch (Exception ex)
        {
            throw new ContextCreationException(contextType.Name, Innermost(ex).Message, ex);
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
