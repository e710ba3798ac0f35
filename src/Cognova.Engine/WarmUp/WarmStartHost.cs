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

    /// <summary>The request's arguments, or null when there is nothing to run (see <paramref name="exitCode"/>).</summary>
    /// <param name="warmUp">What the warm-up had done when the request came, for the verbose log.</param>
    public static IReadOnlyList<string>? AwaitRequest(IReadOnlyList<string> args, TextReader input, out int exitCode, out string warmUp)
    {
        var dependencyFiles = args.Skip(1).ToArray();
        var dependencies = Fingerprint(dependencyFiles);

        var watch = Stopwatch.StartNew();
        using var requested = new CancellationTokenSource();
        var warming = Task.Run(() => WarmUp(requested.Token));

        // No request: the build ended, or failed, before its check.
        var line = input.ReadLine();
        requested.Cancel();
        warmUp = warming.IsCompleted
            ? $"warmed up in {warming.Result} ms, the request came after {watch.ElapsedMilliseconds} ms"
            : $"the request came after {watch.ElapsedMilliseconds} ms, during the warm-up";
        exitCode = 0;
        if (line is null)
        {
            return null;
        }

        if (Fingerprint(dependencyFiles) != dependencies)
        {
            exitCode = WarmStart.StaleExitCode;
            return null;
        }

        return WarmStart.Decode(line);
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
    /// Passes until the request comes (at most three, so that the hottest methods are also recompiled optimised).
    /// A pass under way when it comes goes on beside the check; both need the same methods compiled.
    /// </summary>
    private static long WarmUp(CancellationToken requested)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            for (var pass = 0; pass < WarmUpPasses && !requested.IsCancellationRequested; pass++)
            {
                JitWarmUp.Run();
            }
        }
        catch (Exception)
        {
            // Only a head start: an application without the PostgreSQL provider, say, is checked all the same.
        }

        return watch.ElapsedMilliseconds;
    }

    private static string Fingerprint(IEnumerable<string> files)
        => string.Join("|", files.Select(file => File.Exists(file) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))) : "-"));
}
