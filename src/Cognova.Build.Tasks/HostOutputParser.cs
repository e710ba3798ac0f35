using System;
using System.Text;
using System.Text.RegularExpressions;
using Cognova.Protocol;

namespace Cognova.Build.Tasks;

/// <summary>One diagnostic read from the design host's output.</summary>
internal sealed class HostDiagnostic
{
    public HostDiagnostic(string file, int line, int column, string severity, string code, string message)
    {
        File = file;
        Line = line;
        Column = column;
        Severity = severity;
        Code = code;
        Message = message;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public string Severity { get; }

    public string Code { get; }

    public string Message { get; }
}

/// <summary>
/// Reads the design host's stdout line by line: canonical diagnostic lines
/// (<c>file(line,col): error COG1001: text</c>), their indented continuation lines, and progress
/// lines (<c>cognova: …</c>). A diagnostic is complete when the next non-continuation line arrives
/// or the output ends (<see cref="Flush"/>).
/// </summary>
internal sealed class HostOutputParser
{
    private const string ContinuationPrefix = EngineOutput.ContinuationPrefix;
    private const string ProgressPrefix = EngineOutput.ProgressPrefix;

    private static readonly Regex Canonical = new Regex(EngineOutput.DiagnosticPattern, RegexOptions.CultureInvariant);

    private readonly Action<HostDiagnostic> _onDiagnostic;
    private readonly Action<string> _onProgress;
    private readonly Action<string> _onOther;

    private Match? _pending;
    private StringBuilder? _pendingMessage;

    public HostOutputParser(Action<HostDiagnostic> onDiagnostic, Action<string> onProgress, Action<string> onOther)
    {
        _onDiagnostic = onDiagnostic;
        _onProgress = onProgress;
        _onOther = onOther;
    }

    public void Read(string line)
    {
        if (_pending != null && line.StartsWith(ContinuationPrefix, StringComparison.Ordinal))
        {
            _pendingMessage!.Append('\n').Append(line.Substring(ContinuationPrefix.Length));
            return;
        }

        Flush();
        var match = Canonical.Match(line);
        if (match.Success)
        {
            _pending = match;
            _pendingMessage = new StringBuilder(match.Groups["message"].Value);
        }
        else if (line.StartsWith(ProgressPrefix, StringComparison.Ordinal))
        {
            _onProgress(line.Substring(ProgressPrefix.Length));
        }
        else if (line.Length > 0)
        {
            _onOther(line);
        }
    }

    public void Flush()
    {
        if (_pending == null)
        {
            return;
        }

        var match = _pending;
        _pending = null;
        _onDiagnostic(new HostDiagnostic(
            match.Groups["origin"].Value,
            ParseNumber(match.Groups["line"]),
            ParseNumber(match.Groups["col"]),
            match.Groups["severity"].Value,
            match.Groups["code"].Value,
            _pendingMessage!.ToString()));
    }

    private static int ParseNumber(Group group)
        => group.Success && int.TryParse(group.Value, out var value) ? value : 0;
}
