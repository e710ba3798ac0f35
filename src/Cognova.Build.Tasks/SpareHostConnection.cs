using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipes;
using Cognova.Protocol;

namespace Cognova.Build.Tasks;

/// <summary>
/// The build's end of a spare host's pipe (<see cref="SpareHost"/>): connected in the warm start, which claims the host
/// for this build (it takes one build only), and run by the check.
/// </summary>
internal sealed class SpareHostConnection : IWarmHost
{
    /// <summary><c>PipeOptions.CurrentUserOnly</c>, which netstandard2.0 does not name: the pipe must be the current user's.</summary>
    private const PipeOptions CurrentUserOnly = (PipeOptions)0x20000000;

    /// <summary>The design host's exit code when it failed itself (see EngineMain), which the check reports as COG0001.</summary>
    private const int HostFailed = 3;

    private readonly NamedPipeClientStream _pipe;

    private SpareHostConnection(NamedPipeClientStream pipe, string identity)
    {
        _pipe = pipe;
        Identity = identity;
    }

    /// <summary>
    /// Whether this MSBuild can open a spare host's pipe: MSBuild on .NET Framework (Visual Studio's) has no pipes
    /// limited to the current user, so a spare host started there would never be claimed.
    /// </summary>
    public static bool Supported { get; } = !System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    public string Identity { get; }

    public string Description => "the spare design host the last build started";

    /// <summary>The spare host listening on <paramref name="pipeName"/>, now this build's; null when none is there (or it is taken).</summary>
    public static SpareHostConnection? TryConnect(string pipeName, string identity, int timeoutMilliseconds)
    {
        NamedPipeClientStream? pipe = null;
        try
        {
            pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut, CurrentUserOnly);
            pipe.Connect(timeoutMilliseconds);
            return new SpareHostConnection(pipe, identity);
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            // None listening, one of another user, or a runtime without the option (MSBuild on .NET Framework).
            pipe?.Dispose();
            return null;
        }
    }

    /// <summary>
    /// See <see cref="IWarmHost.Run"/>. A host that goes away before its first line ran nothing that shows: null, so
    /// that the check starts its own. One that goes away later failed in the middle of the check: exit code 3.
    /// </summary>
    public int? Run(IReadOnlyList<string> arguments, Action<string, bool> onLine)
    {
        var anyLine = false;
        try
        {
            var request = HostProcess.Utf8.GetBytes(WarmStart.Encode(arguments) + "\n");
            _pipe.Write(request, 0, request.Length);
            _pipe.Flush();
            using var reader = new StreamReader(_pipe, HostProcess.Utf8, false, 4096, leaveOpen: true);
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                var text = line.Substring(1);
                if (WarmStart.ReadFinished(text) is { } exitCode)
                {
                    return exitCode == WarmStart.StaleExitCode ? null : exitCode;
                }

                anyLine = true;
                onLine(text, line[0] == SpareHost.ErrorLine);
            }
        }
        catch (IOException)
        {
            // The pipe broke: as if the host had gone away there.
        }

        return anyLine ? HostFailed : (int?)null;
    }

    public void Dispose() => _pipe.Dispose();
}
