using System.Text.Json;
using Cognova.Secrets;

namespace Cognova.Migrations.Tooling;

/// <summary>
/// Everything the bundle prints goes through here: passwords masked, colour only on a terminal and
/// without --no-color, EF-style level prefixes with --prefix-output, and nothing but the final JSON
/// document with --json.
/// </summary>
public sealed class BundleOutput(BundleArguments arguments, TextWriter output, TextWriter error)
{
    private readonly bool _color = !arguments.NoColor && !arguments.Json && !Console.IsOutputRedirected
                                   && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public bool IsVerbose => arguments.Verbose;

    public void Info(string message) => Write(output, "info:    ", message, null);

    public void Success(string message) => Write(output, "info:    ", message, "\u001b[32m");

    public void Verbose(string message)
    {
        if (arguments.Verbose)
        {
            Write(output, "verbose: ", message, "\u001b[90m");
        }
    }

    public void Error(string message) => Write(error, "error:   ", message, "\u001b[31m", evenInJson: true);

    /// <summary>Data (SQL of a script): never prefixed or coloured, so that it can be piped.</summary>
    public void Data(string text) => output.WriteLine(SecretMasker.MaskText(text));

    /// <summary>
    /// A JSON document whose strings were masked before it was serialized (free-text masking would break
    /// its syntax); registered secrets are still replaced in every escaped form.
    /// </summary>
    public void Json(string document) => output.WriteLine(SecretMasker.MaskKnownSecrets(document));

    /// <summary>With --json, the one document a run prints: how it ended, its exit code, what it applied and the error.</summary>
    public void Outcome(string outcome, int exitCode, object applied, string? error)
    {
        if (arguments.Json)
        {
            Json(JsonSerializer.Serialize(new { outcome, exitCode, applied, error = error is null ? null : SecretMasker.MaskText(error) }));
        }
    }

    private void Write(TextWriter writer, string prefix, string message, string? colour, bool evenInJson = false)
    {
        if (arguments.Json && !evenInJson)
        {
            return;
        }

        foreach (var line in SecretMasker.MaskText(message).Split('\n'))
        {
            var text = arguments.PrefixOutput ? prefix + line : line;
            writer.WriteLine(_color && colour is not null ? colour + text + "\u001b[0m" : text);
        }
    }
}
