using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Build.Utilities;

namespace Cognova.Build.Tasks;

/// <summary>
/// Starts the next build's design host after a check (<see cref="Cognova.Protocol.SpareHost"/>). The process keeps
/// none of the build's streams: its own are closed at once (it talks on its pipe only), so that nothing waits for it
/// when the build ends.
/// </summary>
internal static class SpareHostStarter
{
    /// <param name="exec">The host's command line up to its own arguments (<see cref="HostCommandLine.Exec"/>).</param>
    /// <returns>The new process's id.</returns>
    public static int Start(string dotNet, CommandLineBuilder exec, IEnumerable<string> environment, string depsFile, string runtimeConfigFile, string pipeName, int idleSeconds, string workingDirectory)
    {
        exec.AppendSwitch(Cognova.Protocol.SpareHost.Command);
        exec.AppendFileNamesIfNotNull(new[] { depsFile, runtimeConfigFile }, " ");
        exec.AppendSwitch(pipeName);
        exec.AppendSwitch(idleSeconds.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(HostProcess.StartInfo(dotNet, exec.ToString(), environment, workingDirectory))!;
        process.StandardInput.Close();
        process.StandardOutput.Close();
        process.StandardError.Close();
        return process.Id;
    }
}
