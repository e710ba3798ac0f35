using System;
using System.ComponentModel;
using System.IO;
using Cognova.Protocol;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cognova.Build.Tasks;

/// <summary>
/// Readies the design host before the compiler runs, when the check will follow (<c>CognovaWarmStart</c>): it claims
/// the spare host the last build left (<c>CognovaSpareHost</c>), warmed up while the developer edited, or else starts
/// a host that compiles EF Core's code paths while the application compiles. <see cref="CognovaCheck"/> then sends it
/// its request instead of starting a cold host. Never fails the build: without a warm host the check starts its own.
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

    /// <summary>Look for the spare host the last build's check started (<c>CognovaSpareHost</c>).</summary>
    public bool SpareHost { get; set; }

    /// <summary>
    /// One attempt, no wait: a spare host listens from its start, so its pipe accepts at once or not at all. A wait
    /// would cost every build without one its length before the compiler starts (measured: a 100 ms timeout took
    /// 98-106 ms on a missing pipe, none took 0.1 ms; an idle spare host's pipe connected in 0.2 ms).
    /// </summary>
    private const int SpareHostConnectTimeout = 0;

    public override bool Execute()
    {
        var dotNet = HostCommandLine.DotNet(DotNetHostPath);
        var exec = HostCommandLine.Exec(DepsFile, RuntimeConfigFile, ProbingPaths, HostAssembly);
        var identity = HostCommandLine.Identity(dotNet, exec.ToString(), EnvironmentVariables);
        if (SpareHost && SpareHostConnection.TryConnect(HostCommandLine.SparePipeName(identity, ApplicationAssembly), identity, SpareHostConnectTimeout) is { } spare)
        {
            WarmHostRegistry.Register(BuildEngine4, ApplicationAssembly, spare);
            Log.LogMessage(MessageImportance.Low, "Cognova: " + spare.Description + " takes this build's check");
            return true;
        }

        exec.AppendSwitch(WarmStart.Command);
        exec.AppendFileNamesIfNotNull(new[] { DepsFile, RuntimeConfigFile }, " ");
        try
        {
            var host = WarmHost.Start(dotNet, exec.ToString(), EnvironmentVariables, identity);
            WarmHostRegistry.Register(BuildEngine4, ApplicationAssembly, host);
            Log.LogMessage(MessageImportance.Low, "Cognova: " + host.Description);
        }
        catch (Exception ex) when (ex is Win32Exception or IOException or InvalidOperationException)
        {
            Log.LogMessage(MessageImportance.Low, "Cognova: no warm start, the check will start its own design host: " + ex.Message);
        }

        return true;
    }
}
