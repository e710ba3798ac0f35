namespace Cognova.Engine;

/// <summary>The host was asked something it cannot do as asked (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
