using Cognova.Engine.Diagnostics;

namespace Cognova.Engine.Lint;

/// <summary>A rule's identity and documentation, as SARIF and the README show it.</summary>
public sealed record RuleInfo(
    string Id,
    string Name,
    RuleGroup Group,
    DiagnosticSeverity DefaultSeverity,
    string Summary,
    string Why,
    string Safer);
