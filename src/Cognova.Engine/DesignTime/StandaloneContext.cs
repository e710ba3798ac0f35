using System.Reflection;
using Microsoft.EntityFrameworkCore.Design;

namespace Cognova.Engine.DesignTime;

/// <summary>
/// Whether a DbContext can be created from its own assembly, without a startup project: as
/// <c>dotnet ef</c> without <c>--startup-project</c>, through an <c>IDesignTimeDbContextFactory&lt;T&gt;</c>
/// in that assembly or a public parameterless constructor. A context configured only by an
/// application's <c>AddDbContext</c> cannot: its checks run in the application's build.
/// </summary>
internal static class StandaloneContext
{
    public static bool CanCreate(Type contextType)
        => contextType.GetConstructor(Type.EmptyTypes) is not null || HasFactory(contextType);

    private static bool HasFactory(Type contextType)
    {
        var factory = typeof(IDesignTimeDbContextFactory<>).MakeGenericType(contextType);
        return LoadableTypes(contextType.Assembly).Any(t => t is { IsAbstract: false, IsInterface: false } && factory.IsAssignableFrom(t));
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
