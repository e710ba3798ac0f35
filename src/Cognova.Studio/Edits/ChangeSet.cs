using System.Text.Json;
using Cognova.Studio.Api;

namespace Cognova.Studio.Edits;

/// <summary>What a cell is set to: a value (PostgreSQL's text for the column's type), NULL, or the column's DEFAULT.</summary>
internal sealed record CellEdit(string? Value, bool IsNull, bool IsDefault)
{
    public static CellEdit Read(string column, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StudioRequestException(400, $"The edit of {column} must be {{\"value\":\"…\"}}, {{\"null\":true}} or {{\"default\":true}}.");
        }

        if (element.TryGetProperty("default", out var isDefault) && isDefault.ValueKind == JsonValueKind.True)
        {
            return new CellEdit(null, false, true);
        }

        if (element.TryGetProperty("null", out var isNull) && isNull.ValueKind == JsonValueKind.True)
        {
            return new CellEdit(null, true, false);
        }

        if (element.TryGetProperty("value", out var value))
        {
            var text = ValueText.Of(value);
            return new CellEdit(text, text is null, false);
        }

        throw new StudioRequestException(400, $"The edit of {column} must be {{\"value\":\"…\"}}, {{\"null\":true}} or {{\"default\":true}}.");
    }
}

/// <summary>One staged change of a row.</summary>
internal sealed record Change(
    string Kind,
    string Schema,
    string Table,
    IReadOnlyDictionary<string, string?> Key,
    string? Xmin,
    IReadOnlyList<KeyValuePair<string, CellEdit>> Cells);

/// <summary>Reads <c>{ "changes": [ … ] }</c> (docs/studio.md).</summary>
internal static class ChangeSet
{
    public const int MaxChanges = 10_000;

    public static IReadOnlyList<Change> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            throw new StudioRequestException(400, "The body must be { \"changes\": [ … ] }.");
        }

        var list = new List<Change>();
        foreach (var change in changes.EnumerateArray())
        {
            if (list.Count == MaxChanges)
            {
                throw new StudioRequestException(400, $"At most {MaxChanges} changes at once.");
            }

            list.Add(ReadChange(change, list.Count));
        }

        return list;
    }

    private static Change ReadChange(JsonElement change, int index)
    {
        string Text(string name) => change.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new StudioRequestException(400, $"Change {index + 1} needs \"{name}\".");

        var kind = Text("kind");
        var key = change.TryGetProperty("key", out var keyElement) && keyElement.ValueKind == JsonValueKind.Object
            ? ValueText.Object(keyElement)
            : new Dictionary<string, string?>();
        var xmin = change.TryGetProperty("xmin", out var xminElement) ? ValueText.Of(xminElement) : null;
        var cellsName = kind == "insert" ? "values" : "set";
        var cells = change.TryGetProperty(cellsName, out var cellsElement) && cellsElement.ValueKind == JsonValueKind.Object
            ? cellsElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, CellEdit.Read(p.Name, p.Value))).ToList()
            : [];
        return kind is "update" or "insert" or "delete"
            ? new Change(kind, Text("schema"), Text("table"), key, xmin, cells)
            : throw new StudioRequestException(400, $"Change {index + 1}: kind must be update, insert or delete (got '{kind}').");
    }
}
