using System.Reflection;

namespace Cognova.Engine.DesignTime;

/// <summary>
/// Loads the application assembly into the host. The host runs with the application's deps.json,
/// so the application's packages are already on the trusted platform list; files next to the
/// application (project references, satellite assemblies) are found through a resolving handler.
/// </summary>
internal static class ApplicationLoader
{
    private const string DesignAssemblyFile = "Microsoft.EntityFrameworkCore.Design.dll";

    /// <summary>Whether EF Core's design-time package is part of the application's dependency graph.</summary>
    public static bool HasDesignPackage()
    {
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        return trusted.Split(Path.PathSeparator)
            .Any(path => string.Equals(Path.GetFileName(path), DesignAssemblyFile, StringComparison.OrdinalIgnoreCase));
    }

    public static Assembly Load(string assemblyPath)
    {
        var fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The application assembly '{fullPath}' does not exist.", fullPath);
        }

        var directory = Path.GetDirectoryName(fullPath)!;
        var context = HostLoadContext.Current;
        context.Resolving += (resolving, name) =>
        {
            var candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? resolving.LoadFromAssemblyPath(candidate) : null;
        };

        var assemblyName = AssemblyName.GetAssemblyName(fullPath);
        try
        {
            return context.LoadFromAssemblyName(assemblyName);
        }
        catch (FileNotFoundException)
        {
            return context.LoadFromAssemblyPath(fullPath);
        }
    }
}
