using System.Text.RegularExpressions;

namespace Cognova.Build.Testing;

/// <summary>
/// The outcome of a real <c>dotnet build</c>: its exit code, its output, and the diagnostics with
/// a code that it printed. MSBuild prints each line of a multi-line message with the same
/// <c>file(line,col): error CODE:</c> prefix; those lines are joined back into one message.
/// </summary>
public sealed partial class BuildResult
{
    public BuildResult(ProcessResult process)
    {
        ExitCode = process.ExitCode;
        Output = process.All;
        Diagnostics = Parse(Output);
    }

    public int ExitCode { get; }

    public string Output { get; }

    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

    public IReadOnlyList<BuildDiagnostic> WithCode(string code) => Diagnostics.Where(d => d.Code == code).ToList();

    /// <summary>The one diagnostic with <paramref name="code"/>; otherwise fails with the whole build output.</summary>
    public BuildDiagnostic Single(string code)
    {
        var matches = WithCode(code);
        return matches.Count == 1
            ? matches[0]
            : throw new Xunit.Sdk.XunitException($"Expected one {code}, found {matches.Count}.\n{this}");
    }

    /// <summary>Errors and warnings with a Cognova code (messages such as COG3007 left out).</summary>
    public IReadOnlyList<BuildDiagnostic> CognovaProblems
        => Diagnostics.Where(d => d.Code.StartsWith("COG", StringComparison.Ordinal) && d.Severity != "message").ToList();

    public IReadOnlyList<BuildDiagnostic> Errors => Diagnostics.Where(d => d.Severity == "error").ToList();

    public override string ToString() => $"exit code {ExitCode}\n{Output}";

    private static List<BuildDiagnostic> Parse(string output)
    {
        var diagnostics = new List<BuildDiagnostic>();
        BuildDiagnostic? current = null;
        foreach (var line in output.Split('\n'))
        {
            var match = DiagnosticLine().Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                current = null;
                continue;
            }

            var file = match.Groups["file"].Value.Trim();
            var lineNumber = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var column = match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var severity = match.Groups["severity"].Value;
            var code = match.Groups["code"].Value;
            var text = match.Groups["message"].Value;
            if (current is not null && current.File == file && current.Line == lineNumber && current.Code == code && current.Severity == severity)
            {
                current = current with { Message = current.Message + "\n" + text };
                diagnostics[^1] = current;
                continue;
            }

            current = new BuildDiagnostic(file, lineNumber, column, severity, code, text);
            diagnostics.Add(current);
        }

        // MSBuild repeats errors and warnings in its summary; keep each once.
        return diagnostics.Distinct().ToList();
    }

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*?)(\((?<line>\d+)(,(?<col>\d+))?\))?\s*: (?<severity>error|warning|message) (?<code>[A-Z]+\d+): (?<message>.*?)(\s+\[[^\]]+\])?$")]
    private static partial Regex DiagnosticLine();
}
