using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Cognova.Protocol;
using Microsoft.Build.Framework;

namespace Cognova.Build.Tasks;

/// <summary>
/// A design host started before the compiler (<see cref="CognovaWarmStart"/>), waiting for the check's request on
/// its standard input (<see cref="WarmStart"/>). It is kept for the rest of the build as an MSBuild task object under
/// the application assembly's path; MSBuild disposes an unused one, which ends the process, when the build ends.
/// </summary>
internal sealed class WarmHost : IDisposable
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private const int ExitWait = 3000;

    private readonly Process _process;

    /// <summary>It wrote <see cref="WarmStart.Finished"/> on both streams: it ends on its own, nothing waits for it.</summary>
    private bool _finished;

    private WarmHost(Process process, string identity)
    {
        _process = process;
        Identity = identity;
    }

    /// <summary>See <see cref="HostCommandLine.Identity"/>: the host is used only by a check that would start the same one.</summary>
    public string Identity { get; }

    public int ProcessId => _process.Id;

    public static WarmHost Start(string dotNet, string arguments, IEnumerable<string> environment, string identity)
    {
        var start = new ProcessStartInfo(dotNet, arguments)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            WorkingDirectory = Directory.GetCurrentDirectory(),
        };
        foreach (var variable in environment)
        {
            var equals = variable.IndexOf('=');
            if (equals > 0)
            {
                start.Environment[variable.Substring(0, equals)] = variable.Substring(equals + 1);
            }
        }

        return new WarmHost(Process.Start(start) ?? throw new InvalidOperationException("the process did not start"), identity);
    }

    public static void Register(IBuildEngine4 engine, string applicationAssembly, WarmHost host)
    {
        (engine.UnregisterTaskObject(Key(applicationAssembly), RegisteredTaskObjectLifetime.Build) as IDisposable)?.Dispose();
        engine.RegisterTaskObject(Key(applicationAssembly), host, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
    }

    /// <summary>The host started for <paramref name="applicationAssembly"/> in this build, now the caller's to run and dispose; or null.</summary>
    public static WarmHost? Take(IBuildEngine4 engine, string applicationAssembly)
        => engine.UnregisterTaskObject(Key(applicationAssembly), RegisteredTaskObjectLifetime.Build) as WarmHost;

    /// <summary>
    /// Sends the request and passes every line the host writes to <paramref name="onLine"/> (true: standard error),
    /// on the calling thread, up to the line that says it finished (<see cref="WarmStart.Finished"/>). Returns the
    /// host's exit code, or null when it ran nothing (it had exited, or the application's dependencies changed since
    /// it started): start a fresh host then. A host that said it finished is not waited for.
    /// </summary>
    public int? Run(IReadOnlyList<string> arguments, Action<string, bool> onLine)
    {
        try
        {
            using var input = new StreamWriter(_process.StandardInput.BaseStream, Utf8);
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
            return exitCode;
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

    private static string Key(string applicationAssembly) => "Cognova.Build.WarmHost|" + Path.GetFullPath(applicationAssembly);
}
