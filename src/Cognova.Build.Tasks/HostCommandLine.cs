using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Utilities;

namespace Cognova.Build.Tasks;

/// <summary>
/// How the design host is started: <c>dotnet exec --depsfile … --runtimeconfig … --additionalprobingpath …
/// Cognova.Engine.dll</c>, inside the application's dependency graph, as <c>dotnet ef</c> does. The check task and
/// the warm start build it here, so that a host started early is known to be the one the check would start.
/// </summary>
internal static class HostCommandLine
{
    /// <summary>Variables a shell changes between two commands: no part of what a host sees of the build.</summary>
    private static readonly HashSet<string> ShellBookkeeping = new HashSet<string>(StringComparer.Ordinal) { "PWD", "OLDPWD", "SHLVL", "_" };

    /// <summary>The <c>dotnet</c> executable running this build (the SDK sets <c>DOTNET_HOST_PATH</c>), else the one on PATH.</summary>
    public static string DotNet(string? dotNetHostPath)
    {
        if (!string.IsNullOrEmpty(dotNetHostPath) && File.Exists(dotNetHostPath))
        {
            return dotNetHostPath!;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment!;
        }

        var executable = Path.DirectorySeparatorChar == '\\' ? "dotnet.exe" : "dotnet";
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
        return onPath ?? executable;
    }

    /// <summary>Everything before the host's own arguments.</summary>
    public static CommandLineBuilder Exec(string depsFile, string runtimeConfigFile, IEnumerable<string> probingPaths, string hostAssembly)
    {
        var builder = new CommandLineBuilder();
        builder.AppendSwitch("exec");
        builder.AppendSwitchIfNotNull("--depsfile ", depsFile);
        builder.AppendSwitchIfNotNull("--runtimeconfig ", runtimeConfigFile);
        foreach (var path in probingPaths.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            builder.AppendSwitchIfNotNull("--additionalprobingpath ", path.TrimEnd('/', '\\'));
        }

        builder.AppendFileNameIfNotNull(hostAssembly);
        return builder;
    }

    /// <summary>What makes two host processes interchangeable: the executable, the exec part of the command line and the environment.</summary>
    public static string Identity(string dotNet, string exec, IEnumerable<string> environment)
        => string.Join("\n", new[] { dotNet, exec }.Concat(environment.Where(e => !string.IsNullOrEmpty(e))));

    /// <summary>
    /// The pipe of the spare host (<see cref="Cognova.Protocol.SpareHost"/>) of this host, application and build
    /// environment, for the current user. A host inherits the build's environment, and an application may read it
    /// while its DbContext is created: a spare host started under another environment is not this build's.
    /// </summary>
    public static string SparePipeName(string identity, string applicationAssembly)
        => Cognova.Protocol.SpareHost.PipeName(identity + "\n" + BuildEnvironment(), Path.GetFullPath(applicationAssembly), Environment.UserName);

    /// <summary>The build process's environment variables, sorted, less the shell's own bookkeeping.</summary>
    private static string BuildEnvironment()
    {
        var variables = new List<string>();
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (!ShellBookkeeping.Contains(name))
            {
                variables.Add(name + "=" + variable.Value);
            }
        }

        variables.Sort(StringComparer.Ordinal);
        return string.Join("\n", variables);
    }

}
