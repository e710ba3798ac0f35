using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Cognova.Build.Testing;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// Design host processes a test looks at: whether one is still running, and the spare hosts its builds start
/// (<c>-p:CognovaSpareHost=true</c>), found in their verbose output and ended when the test ends.
/// </summary>
internal sealed partial class HostProcesses : IDisposable
{
    private readonly List<int> _started = [];

    /// <summary>The process ids in the verbose lines of the checks that started a spare host (one per checked project).</summary>
    public IReadOnlyList<int> SparesStartedBy(BuildResult build)
    {
        var started = StartedLine().Matches(build.Output).Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        _started.AddRange(started);
        return started;
    }

    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether the process ended within 10 s.</summary>
    public static bool Ended(int processId)
    {
        for (var i = 0; i < 100 && IsRunning(processId); i++)
        {
            Thread.Sleep(100);
        }

        return !IsRunning(processId);
    }

    public void Dispose()
    {
        foreach (var processId in _started)
        {
            try
            {
                using var process = Process.GetProcessById(processId);
                process.Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // It has ended.
            }
        }
    }

    [GeneratedRegex(@"started the next build's design host \(process (\d+)\)")]
    private static partial Regex StartedLine();
}
