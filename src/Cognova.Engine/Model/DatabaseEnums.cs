using Cognova.Model;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cognova.Engine.Model;

/// <summary>
/// The PostgreSQL enum types a model declares. Npgsql keeps each in a model annotation named
/// <c>Npgsql:Enum:[schema.]name</c> whose value holds the labels; they are read by that name so the
/// host needs no Npgsql API (it binds to the application's Npgsql at run time).
/// </summary>
internal static class DatabaseEnums
{
    private const string AnnotationPrefix = "Npgsql:Enum:";

    public static IReadOnlyList<DatabaseEnumDescription> Read(IReadOnlyAnnotatable model)
    {
        var enums = new List<DatabaseEnumDescription>();
        foreach (var annotation in model.GetAnnotations())
        {
            if (!annotation.Name.StartsWith(AnnotationPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var qualified = annotation.Name[AnnotationPrefix.Length..];
            var dot = qualified.IndexOf('.');
            enums.Add(new DatabaseEnumDescription
            {
                Schema = dot < 0 ? null : qualified[..dot],
                Name = dot < 0 ? qualified : qualified[(dot + 1)..],
                Labels = Labels(annotation.Value),
            });
        }

        return enums.OrderBy(e => e.Schema ?? "", StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The name a column's store type has when it is this enum: <c>schema.name</c>, or <c>name</c> without a schema.</summary>
    public static string QualifiedName(DatabaseEnumDescription databaseEnum)
        => databaseEnum.Schema is null ? databaseEnum.Name : databaseEnum.Schema + "." + databaseEnum.Name;

    // Npgsql writes the labels as one comma-separated string; a list is read as well.
    private static IReadOnlyList<string> Labels(object? value) => value switch
    {
        string text when text.Length == 0 => [],
        string text => text.Split(','),
        IEnumerable<string> labels => labels.ToList(),
        _ => [],
    };
}
