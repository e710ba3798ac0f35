using System.Collections.Generic;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Cognova.Build.Tasks;

/// <summary>
/// Logs the design host's diagnostics as MSBuild errors, warnings and messages with code, file and
/// line, applying the project's <c>TreatWarningsAsErrors</c>, and keeps the warnings so that an
/// up-to-date build can show them again.
/// </summary>
internal sealed class DiagnosticLogger
{
    private readonly TaskLoggingHelper _log;
    private readonly IBuildEngine _engine;
    private readonly string _projectFile;
    private readonly bool _treatWarningsAsErrors;
    private readonly string? _noWarn;
    private readonly string? _warningsNotAsErrors;

    public DiagnosticLogger(TaskLoggingHelper log, IBuildEngine engine, string projectFile, bool treatWarningsAsErrors, string? noWarn, string? warningsNotAsErrors)
    {
        _log = log;
        _engine = engine;
        _projectFile = projectFile;
        _treatWarningsAsErrors = treatWarningsAsErrors;
        _noWarn = noWarn;
        _warningsNotAsErrors = warningsNotAsErrors;
    }

    /// <summary>Errors logged, including warnings that the project's settings or MSBuild made errors.</summary>
    public int Errors { get; private set; }

    /// <summary>The warnings logged, as they came from the host.</summary>
    public List<HostDiagnostic> Warnings { get; } = new List<HostDiagnostic>();

    public void Log(HostDiagnostic diagnostic)
    {
        var file = string.IsNullOrEmpty(diagnostic.File) || diagnostic.File == "Cognova.Build" ? _projectFile : diagnostic.File;
        switch (diagnostic.Severity)
        {
            case "error":
                Errors++;
                _log.LogError(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Message);
                break;
            case "warning" when WarningSettings.IsError(diagnostic.Code, _treatWarningsAsErrors, _noWarn, _warningsNotAsErrors):
                Errors++;
                _log.LogError(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Message);
                break;
            case "warning":
                if (_engine is IBuildEngine8 engine && engine.ShouldTreatWarningAsError(diagnostic.Code))
                {
                    Errors++;
                }

                Warnings.Add(diagnostic);
                _log.LogWarning(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, diagnostic.Message);
                break;
            default:
                _log.LogMessage(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, 0, 0, MessageImportance.High, diagnostic.Message);
                break;
        }
    }

    /// <summary>A diagnostic in the host's canonical form, which <see cref="HostOutputParser"/> reads back.</summary>
    public static string Format(HostDiagnostic diagnostic)
    {
        var text = new StringBuilder(diagnostic.File);
        if (diagnostic.Line > 0)
        {
            text.Append('(').Append(diagnostic.Line);
            if (diagnostic.Column > 0)
            {
                text.Append(',').Append(diagnostic.Column);
            }

            text.Append(')');
        }

        text.Append(": ").Append(diagnostic.Severity).Append(' ').Append(diagnostic.Code).Append(": ");
        text.Append(diagnostic.Message.Replace("\r\n", "\n").Replace("\n", "\n    "));
        return text.ToString();
    }
}
