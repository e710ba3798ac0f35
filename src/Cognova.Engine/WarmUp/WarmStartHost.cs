using System.Diagnostics;
using System.Security.Cryptography;
using Cognova.Protocol;

namespace Cognova.Engine.WarmUp;

/// <summary>
/// The host's side of a warm start (<see cref="WarmStart"/>): started by the build before the compiler with
/// <c>warm-start &lt;deps.json&gt; &lt;runtimeconfig.json&gt;</c>, it warms up while the application compiles, then
/// waits for the one request the build's check task writes to standard input.
/// </summary>
internal static class WarmStartHost
{
    private const int WarmUpPasses = 3;

    private static readonly TimeSpan TieringPause = TimeSpan.FromMilliseconds(500);

    /// <summary>The request's arguments, or null when there is nothing to run (see <paramref name="exitCode"/>).</summary>
    /// <param name="warmUp">What the warm-up had done when the request came, for the verbose log.</param>
    public static IReadOnlyList<string>? AwaitRequest(IReadOnlyList<string> args, TextReader input, out int exitCode, out string warmUp)
    {
        var dependencyFiles = args.Skip(1).ToArray();
        var dependencies = Fingerprint(dependencyFiles);

        var watch = Stopwatch.StartNew();
        using var requested = new CancellationTokenSource();
        var warming = Task.Run(() => WarmUp(freshModels: 0, requested.Token));

        // No request: the build ended, or failed, before its check.
        var line = input.ReadLine();
        requested.Cancel();
        warmUp = Describe(warming, watch);
        return Accept(line, dependencyFiles, dependencies, out exitCode);
    }

    /// <summary>
    /// The arguments of a request line, or null when there is none, or when the application's deps.json or
    /// runtimeconfig.json changed since the host started (<see cref="WarmStart.StaleExitCode"/>): it would run on the
    /// old dependency graph.
    /// </summary>
    internal static IReadOnlyList<string>? Accept(string? line, IEnumerable<string> dependencyFiles, string dependencies, out int exitCode)
    {
        exitCode = line is not null && Fingerprint(dependencyFiles) != dependencies ? WarmStart.StaleExitCode : 0;
        return line is null || exitCode != 0 ? null : WarmStart.Decode(line);
    }

    /// <summary>
    /// Tells the build the request has run (<see cref="WarmStart.Finished"/> on both streams, after all else), so
    /// that it goes on without waiting for this process to end.
    /// </summary>
    public static void Finish(TextWriter output, TextWriter error, int exitCode)
    {
        error.WriteLine(WarmStart.Finished(exitCode));
        error.Flush();
        output.WriteLine(WarmStart.Finished(exitCode));
        output.Flush();
    }

    /// <summary>
    /// Passes until the request comes (at most three, so that the hottest methods are also recompiled optimised),
    /// then <paramref name="freshModels"/> more builds of the warm-up model (see <see cref="JitWarmUp.BuildModels"/>),
    /// between pauses that let the runtime recompile what they call.
    /// A pass under way when it comes goes on beside the check; both need the same methods compiled.
    /// </summary>
    internal static long WarmUp(int freshModels, CancellationToken requested)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            for (var pass = 0; pass < WarmUpPasses && !requested.IsCancellationRequested; pass++)
            {
                JitWarmUp.Run();
            }

            if (freshModels > 0)
            {
                // The runtime counts calls only once no new method has been compiled for a while (100 ms, and longer
                // while compiling goes on), and recompiles the hot ones on a thread of its own: a pause before the
                // model builds lets it count them, one after lets it finish. Measured on a 60-table check: 210 ms
                // without the pauses, 150 ms with 300 ms ones.
                requested.WaitHandle.WaitOne(TieringPause);
                JitWarmUp.BuildModels(freshModels, requested);
                requested.WaitHandle.WaitOne(TieringPause);
            }
        }
        catch (Exception)
        {
            // Only a head start: an application without the PostgreSQL provider, say, is checked all the same.
        }

        return watch.ElapsedMilliseconds;
    }

    /// <summary>What the warm-up had done when the request came, for the verbose log.</summary>
    internal static string Describe(Task<long> warming, Stopwatch sinceStart)
        => warming.IsCompletedSuccessfully
            ? $"warmed up in {warming.Result} ms, the request came after {sinceStart.ElapsedMilliseconds} ms"
            : $"the request came after {sinceStart.ElapsedMilliseconds} ms, during the warm-up";

    internal static string Fingerprint(IEnumerable<string> files)
        => string.Join("|", files.Select(file => File.Exists(file) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))) : "-"));
}
