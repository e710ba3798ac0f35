namespace Cognova.Build.Testing;

/// <summary>One error, warning or message with a code, as <c>dotnet build</c> printed it.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Code, string Message);
