using System;
using System.ComponentModel;
using System.IO;
using Cognova.Protocol;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cognova.Build.Tasks;

/// <summary>
/// Starts the design host before the compiler runs, when the check will follow (<c>CognovaWarmStart</c>): the host
/// compiles EF Core's code paths while the application compiles, and <see cref="CognovaCheck"/> then sends it its
/// request instead of starting a cold host. Never fails the build: without a warm host the check starts its own.
/// </summary>
public sealed class CognovaWarmStart : Task
{
    [Required]
    public string HostAssembly { get; set; } = "";

    /// <summary>The application assembly in the output folder: the key under which <see cref="CognovaCheck"/> finds the host.</summary>
    [Required]
    public string ApplicationAssembly { get; set; } = "";

    [Required]
    public string DepsFile { get; set; } = "";

    [Required]
    public string RuntimeConfigFile { get; set; } = "";

    public string[] ProbingPaths { get; set; } = Array.Empty<string>();

    public string? DotNetHostPath { get; set; }

    /// <summary><c>NAME=value</c> pairs, as <see cref="ToolTask.EnvironmentVariables"/> of the check.</summary>
    public string[] EnvironmentVariables { get; set; } = Array.Empty<string>();

    public override bool Execute()
    {
        var dotNet = HostCommandLine.DotNet(DotNetHostPath);
        var exec = HostCommandLine.Exec(DepsFile, RuntimeConfigFile, ProbingPaths, HostAssembly);
        var identity = HostCommandLine.Identity(dotNet, exec.ToString(), EnvironmentVariables);
        exec.AppendSwitch(WarmStart.Command);
        exec.AppendFileNamesIfNotNull(new[] { DepsFile, RuntimeConfigFile }, " ");
        try
        {
            var host = WarmHost.Start(dotNet, exec.ToString(), EnvironmentVariables, identity);
            WarmHost.Register(BuildEngine4, ApplicationAssembly, host);
            Log.LogMessage(MessageImportance.Low, $"Cognova: design host started before the compiler (process {host.ProcessId})");
        }
        catch (Exception ex) when (ex is Win32Exception or IOException or InvalidOperationException)
        {
            Log.LogMessage(MessageImportance.Low, "Cognova: no warm start, the check will start its own design host: " + ex.Message);
        }

        return true;
    }
}
