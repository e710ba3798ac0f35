namespace Cognova.Engine.DesignTime;

/// <summary>A DbContext could not be created; <see cref="Exception.Message"/> holds the innermost reason.</summary>
public sealed class ContextCreationException(string contextName, string reason, Exception inner)
    : Exception(reason, inner)
{
    public string ContextName { get; } = contextName;
}
