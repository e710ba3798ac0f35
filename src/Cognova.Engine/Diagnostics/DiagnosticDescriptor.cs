namespace Cognova.Engine.Diagnostics;

/// <summary>What a code is: its name, default severity, one-line title and what to do about it.</summary>
public sealed record DiagnosticDescriptor(string Id, string Name, DiagnosticSeverity DefaultSeverity, string Title, string Help);
