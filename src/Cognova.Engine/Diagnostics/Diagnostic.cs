namespace Cognova.Engine.Diagnostics;

/// <summary>
/// One finding, as the build reports it: a code, a severity, a place and a message.
/// The first line of <see cref="Message"/> is the summary; further lines are details.
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string? File = null,
    int Line = 0,
    int Column = 0);
