using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cognova.Engine.Drift;

/// <summary>
/// Builds a DbContext's model snapshot on a background thread. The snapshot's model needs no
/// DbContext, so on a two-core build machine it is ready by the time the context is created,
/// instead of adding its build time to every check.
/// </summary>
internal static class SnapshotLoader
{
    /// <returns>The built snapshot, or null when it is not in <paramref name="assembly"/> or fails to build
    /// (then EF Core's own lookup runs and reports the failure as usual).</returns>
    public static Task<ModelSnapshot?> StartLoading(Assembly assembly, Type contextType) => Task.Run(() =>
    {
        try
        {
            return Load(assembly, contextType);
        }
        catch (Exception)
        {
            return null;
        }
    });

    private static ModelSnapshot? Load(Assembly assembly, Type contextType)
    {
        var type = assembly.GetTypes().FirstOrDefault(t =>
            typeof(ModelSnapshot).IsAssignableFrom(t)
            && !t.IsAbstract
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType);
        if (type is null)
        {
            return null;
        }

        var snapshot = (ModelSnapshot)Activator.CreateInstance(type)!;
        _ = snapshot.Model;
        return snapshot;
    }
}
