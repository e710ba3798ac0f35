using System.Runtime.Loader;

namespace Cognova.Engine.DesignTime;

/// <summary>
/// The load context the host's code runs in: the image context when precompiled images are on (see
/// ReadyToRun/HostLauncher.cs), else the default one. The application and whatever it resolves must load
/// here, next to the EF Core the host itself was bound to.
/// </summary>
internal static class HostLoadContext
{
    public static AssemblyLoadContext Current { get; } =
        AssemblyLoadContext.GetLoadContext(typeof(HostLoadContext).Assembly) ?? AssemblyLoadContext.Default;
}
