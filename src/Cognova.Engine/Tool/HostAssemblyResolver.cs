using System.Reflection;
using Cognova.Engine.DesignTime;

namespace Cognova.Engine.Tool;

/// <summary>
/// The host runs with the application's deps.json, which does not list the assemblies that ship next to
/// the host in the Cognova.Cli tool (Cognova.Migrations.dll). This finds them there when the application
/// does not bring its own copy (an application that references Cognova.Migrations uses its own).
/// </summary>
internal static class HostAssemblyResolver
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        var directory = Path.GetDirectoryName(typeof(HostAssemblyResolver).Assembly.Location);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        HostLoadContext.Current.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
    }

    /// <summary>Loads an assembly by name now, so a missing file fails here with a clear message rather than mid-command.</summary>
    public static Assembly Require(string name) => HostLoadContext.Current.LoadFromAssemblyName(new AssemblyName(name));
}
