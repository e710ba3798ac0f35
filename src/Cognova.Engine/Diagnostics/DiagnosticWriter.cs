using Cognova.Engine.Build.Results;
using Cognova.Protocol;
using Cognova.Secrets;

namespace Cognova.Engine.Diagnostics;

/// <summary>
/// Writes diagnostics in the canonical form MSBuild, IDEs and CI problem matchers read:
/// <c>file(line,col): error COG1001: summary</c>. Detail lines follow, each indented by
/// <see cref="ContinuationPrefix"/>, so that the build task can join them to their diagnostic.
/// </summary>
public sealed class DiagnosticWriter(TextWriter output)
{
    public const string ContinuationPrefix = EngineOutput.ContinuationPrefix;

    private readonly List<Diagnostic> _written = [];

    public int ErrorCount { get; private set; }

    /// <summary>Every diagnostic written so far, masked.</summary>
    public IReadOnlyList<Diagnostic> Written => _written;

    public int WarningCount { get; private set; }

    /// <summary>Every diagnostic of a check, in the order it arose.</summary>
    public void Write(CheckResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            Write(diagnostic);
        }
    }

    public void Write(Diagnostic diagnostic)
    {
        if (diagnostic.Severity == DiagnosticSeverity.None)
        {
            return;
        }

        // A check's diagnostics are masked in its result already; one written directly (a setting, a start-up failure) is masked here.
        diagnostic = diagnostic with { Message = SecretMasker.MaskText(diagnostic.Message) };
        _written.Add(diagnostic);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }
        else if (diagnostic.Severity == DiagnosticSeverity.Warning)
        {
            WarningCount++;
        }

        var lines = diagnostic.Message.Replace("\r\n", "\n").Split('\n');
        var file = string.IsNullOrEmpty(diagnostic.File) ? "Cognova.Build" : diagnostic.File;
        output.WriteLine(EngineOutput.DiagnosticLine(file, diagnostic.Line, diagnostic.Column, FormatSeverity(diagnostic.Severity), diagnostic.Code, lines[0]));
        foreach (var line in lines.Skip(1))
        {
            output.WriteLine(ContinuationPrefix + line);
        }
    }

    private static string FormatSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
