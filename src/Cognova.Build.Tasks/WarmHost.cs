using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Cognova.Protocol;

namespace Cognova.Build.Tasks;

/// <summary>
/// A design host started before the compiler (<see cref="CognovaWarmStart"/>), waiting for the check's request on
/// its standard input (<see cref="WarmStart"/>). Disposing an unused one ends the process.
/// </summary>
internal sealed class WarmHost : IWarmHost
{
    private const int ExitWait = 3000;

    private readonly Process _process;

    /// <summary>It wrote <see cref="WarmStart.Finished"/> on both streams: it ends on its own, nothing waits for it.</summary>
    private bool _finished;

    private WarmHost(Process process, string identity)
    {
        _process = process;
        Identity = identity;
    }

    public string Identity { get; }

    public int ProcessId => _process.Id;

    public string Description => $"the design host started before the compiler (process {ProcessId})";

    public static WarmHost Start(string dotNet, string arguments, IEnumerable<string> environment, string identity)
    {
        var start = HostProcess.StartInfo(dotNet, arguments, environment, Directory.GetCurrentDirectory());
        return new WarmHost(Process.Start(start) ?? throw new InvalidOperationException("the process did not start"), identity);
    }

    /// <summary>See <see cref="IWarmHost.Run"/>. A host that said it finished (<see cref="WarmStart.Finished"/>) is not waited for.</summary>
    public int? Run(IReadOnlyList<string> arguments, Action<string, bool> onLine)
    {
        try
        {
            using var input = new StreamWriter(_process.StandardInput.BaseStream, HostProcess.Utf8);
            input.WriteLine(WarmStart.Encode(arguments));
        }
        catch (IOException)
        {
            return null;
        }

        using var lines = new BlockingCollection<KeyValuePair<string, bool>>();
        var readers = new[] { Pump(_process.StandardOutput, false, lines), Pump(_process.StandardError, true, lines) };
        Task.WhenAll(readers).ContinueWith(_ => lines.CompleteAdding(), TaskScheduler.Default);
        foreach (var line in lines.GetConsumingEnumerable())
        {
            onLine(line.Key, line.Value);
        }

        if (readers[0].Result is { } exitCode && readers[1].Result == exitCode)
        {
            _finished = true;
            return exitCode == WarmStart.StaleExitCode ? null : exitCode;
        }

        _process.WaitForExit();
        return _process.ExitCode == WarmStart.StaleExitCode ? null : _process.ExitCode;
    }

    /// <summary>
    /// Ends an unused host: its standard input closes, so it exits on its own; it is killed if it has not within a few
    /// seconds. A host that finished its request is left to end on its own.
    /// </summary>
    public void Dispose()
    {
        try
        {
            if (!_finished && !_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(ExitWait))
                {
                    _process.Kill();
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // It exited meanwhile, or was already disposed.
        }

        _process.Dispose();
    }

    /// <summary>Reads the stream's lines into <paramref name="lines"/> up to the end or the finished line; returns that line's exit code, or null at the end.</summary>
    private static Task<int?> Pump(StreamReader reader, bool isError, BlockingCollection<KeyValuePair<string, bool>> lines)
        => Task.Run(() =>
        {
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (WarmStart.ReadFinished(line) is { } exitCode)
                {
                    return exitCode;
                }

                lines.Add(new KeyValuePair<string, bool>(line, isError));
            }

            return (int?)null;
        });
}
