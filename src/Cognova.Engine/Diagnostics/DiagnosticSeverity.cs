namespace Cognova.Engine.Diagnostics;

/// <summary>How a finding is reported. <see cref="None"/> drops it.</summary>
public enum DiagnosticSeverity
{
    None,
    Info,
    Warning,
    Error,
}
