using System.Reflection;
using System.Runtime.Loader;

namespace Cognova.Engine.ReadyToRun;

/// <summary>
/// The load context the host runs in when precompiled images are on. EF Core, its provider and Npgsql ship
/// IL only, so a host that loads them from their packages compiles thousands of their methods at every start;
/// this context loads an application assembly from its image when the store has one, else from its own file.
/// Every application assembly (packages, projects) and this host load here, never in the default context, so
/// each type exists once; the shared framework stays in the default context.
/// </summary>
internal sealed class ImageLoadContext(TrustedAssemblies trusted, ImageStore store) : AssemblyLoadContext("Cognova.Build design host")
{
    private int _fromImages;
    private int _fromIl;

    /// <summary>How many application assemblies came from images and how many from their IL, for the verbose log.</summary>
    public string Describe()
        => $"precompiled images: {_fromImages} of {_fromImages + _fromIl} application assemblies loaded from {store.Directory}";

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Framework assemblies, satellite resources and files the trusted list does not name: the default
        // context, then the Resolving handlers (the application's folder, the tool's own files).
        if (assemblyName.Name is null || !string.IsNullOrEmpty(assemblyName.CultureName)
            || !trusted.TryGetApplicationAssembly(assemblyName.Name, out var path))
        {
            return null;
        }

        var image = store.Find(path);
        if (image is not null)
        {
            try
            {
                var assembly = LoadFromAssemblyPath(image);
                Interlocked.Increment(ref _fromImages);
                return assembly;
            }
            catch (BadImageFormatException)
            {
                // A damaged or foreign image is not trusted: the assembly's own file serves.
            }
        }

        Interlocked.Increment(ref _fromIl);
        return LoadFromAssemblyPath(path);
    }
}
