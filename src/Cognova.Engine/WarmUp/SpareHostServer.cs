using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using Cognova.Protocol;

namespace Cognova.Engine.WarmUp;

/// <summary>
/// The host's side of a spare host (<see cref="SpareHost"/>): started by a build after its check with
/// <c>spare-host &lt;deps.json&gt; &lt;runtimeconfig.json&gt; &lt;pipe&gt; &lt;idle seconds&gt;</c>, it warms up while
/// the developer edits, more thoroughly than a warm start beside the compiler can afford, then waits for the next
/// build's request on its pipe, or exits when none comes within the idle time.
/// </summary>
internal static class SpareHostServer
{
    /// <summary>Fresh builds of the warm-up model after the passes: the 60-table check was as fast after 12 as after 30.</summary>
    private const int FreshModels = 12;

    /// <summary>
    /// The request's arguments once a build connected; null when there is nothing to run (see <paramref name="exitCode"/>):
    /// no build came, another spare host has the pipe, or the build went away.
    /// </summary>
    /// <param name="warmUp">What the warm-up had done when the request came, for the verbose log.</param>
    /// <param name="output">Where the host's standard output and error go once a build connected: to it, on the pipe.</param>
    public static IReadOnlyList<string>? AwaitRequest(IReadOnlyList<string> args, out int exitCode, out string warmUp, out PipeLines? output)
    {
        exitCode = 0;
        warmUp = "";
        output = null;
        if (args.Count != 5 || !int.TryParse(args[4], out var idleSeconds) || idleSeconds <= 0)
        {
            throw new UsageException($"usage: {SpareHost.Command} <deps.json> <runtimeconfig.json> <pipe> <idle seconds>");
        }

        string[] dependencyFiles = [args[1], args[2]];
        var dependencies = WarmStartHost.Fingerprint(dependencyFiles);
        var pipe = Listen(args[3]);
        if (pipe is null)
        {
            return null;
        }

        var watch = Stopwatch.StartNew();
        using var requested = new CancellationTokenSource();
        var warming = Task.Run(() => Settle(WarmStartHost.WarmUp(FreshModels, requested.Token), requested.Token));
        if (!pipe.WaitForConnectionAsync().Wait(TimeSpan.FromSeconds(idleSeconds)))
        {
            requested.Cancel();
            pipe.Dispose();
            return null;
        }

        // The build writes its request and then only reads.
        var line = new StreamReader(pipe, Encoding.UTF8, false, 4096, leaveOpen: true).ReadLine();
        requested.Cancel();
        warmUp = WarmStartHost.Describe(warming, watch) + ", as the spare host of the last build";
        output = new PipeLines(pipe);
        return WarmStartHost.Accept(line, dependencyFiles, dependencies, out exitCode);
    }

    /// <summary>The pipe, listening; null when another process has it (a spare host of the same build already waits).</summary>
    private static NamedPipeServerStream? Listen(string name)
    {
        try
        {
            return new NamedPipeServerStream(name, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous | PipeOptions.CurrentUserOnly);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Clears the warm-up's garbage before the request comes, so that the check does not pay for collecting it.</summary>
    private static long Settle(long warmUpMilliseconds, CancellationToken requested)
    {
        if (!requested.IsCancellationRequested)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        return warmUpMilliseconds;
    }
}
