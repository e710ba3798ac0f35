using System.Diagnostics;
using Cognova.Secrets;

namespace Cognova.Engine;

/// <summary>
/// The host's progress log. Lines start with <see cref="Prefix"/> so that the build task can tell
/// them from diagnostics; they are only written in verbose mode. <see cref="Step"/> times a step.
/// </summary>
public sealed class HostLog(TextWriter output, bool verbose)
{
    public const string Prefix = Cognova.Protocol.EngineOutput.ProgressPrefix;

    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    public bool IsVerbose => verbose;

    public void Verbose(string message)
    {
        if (verbose)
        {
            output.WriteLine(Prefix + SecretMasker.MaskText(message));
        }
    }

    public T Step<T>(string name, Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return action();
        }
        finally
        {
            Verbose($"{name}: {watch.ElapsedMilliseconds} ms (at {_sinceStart.ElapsedMilliseconds} ms)");
        }
    }
}
