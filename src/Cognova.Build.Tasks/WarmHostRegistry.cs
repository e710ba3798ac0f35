using System;
using System.IO;
using Microsoft.Build.Framework;

namespace Cognova.Build.Tasks;

/// <summary>
/// Where the warm start leaves its host for the check: an MSBuild task object under the application assembly's path,
/// for the rest of the build. MSBuild disposes an unused one when the build ends.
/// </summary>
internal static class WarmHostRegistry
{
    public static void Register(IBuildEngine4 engine, string applicationAssembly, IWarmHost host)
    {
        (engine.UnregisterTaskObject(Key(applicationAssembly), RegisteredTaskObjectLifetime.Build) as IDisposable)?.Dispose();
        engine.RegisterTaskObject(Key(applicationAssembly), host, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
    }

    /// <summary>The host registered for <paramref name="applicationAssembly"/> in this build, now the caller's to run and dispose; or null.</summary>
    public static IWarmHost? Take(IBuildEngine4 engine, string applicationAssembly)
        => engine.UnregisterTaskObject(Key(applicationAssembly), RegisteredTaskObjectLifetime.Build) as IWarmHost;

    private static string Key(string applicationAssembly) => "Cognova.Build.WarmHost|" + Path.GetFullPath(applicationAssembly);
}
