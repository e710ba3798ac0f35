using Cognova.Secrets;

namespace Cognova.Engine.Diagnostics;

/// <summary>
/// Diagnostics collected while a check computes, in the order they arise, printed nowhere. Each message is
/// masked as it is added, so that every output made from the list (the lines, SARIF, JSON) is masked once;
/// a diagnostic at <see cref="DiagnosticSeverity.None"/> is dropped.
/// </summary>
public sealed class DiagnosticList
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public int ErrorCount => _items.Count(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(Diagnostic? diagnostic)
    {
        if (diagnostic is null || diagnostic.Severity == DiagnosticSeverity.None)
        {
            return;
        }

        _items.Add(diagnostic with { Message = SecretMasker.MaskText(diagnostic.Message) });
    }

    /// <summary>Adds the diagnostics of <paramref name="other"/>, masked already.</summary>
    public void Append(DiagnosticList other) => _items.AddRange(other._items);

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }
}
