using Cognova.Model;

namespace Cognova.Studio.Catalog;

/// <summary>
/// The model description looked up by table: which entity types a table stores, the C# name and CLR type
/// of each column, and the navigations. An empty index (no model) answers nothing, and the studio shows SQL names only.
/// </summary>
internal sealed class ModelIndex
{
    private readonly Dictionary<(string Schema, string Table), List<(ContextDescription Context, EntityDescription Entity)>> _byTable = [];

    public ModelIndex(ModelDescription? model)
    {
        Model = model;
        foreach (var context in model?.Contexts ?? [])
        {
            foreach (var entity in context.Entities)
            {
                if (entity.Table is null || entity.Storage == EntityStorage.None)
                {
                    continue;
                }

                var key = (SchemaOf(context, entity), entity.Table);
                if (!_byTable.TryGetValue(key, out var list))
                {
                    _byTable[key] = list = [];
                }

                list.Add((context, entity));
            }
        }
    }

    public ModelDescription? Model { get; }

    public IReadOnlyList<string> ContextNames => Model?.Contexts.Select(c => c.Name).ToList() ?? [];

    public IReadOnlyList<EntityReference> EntitiesOf(string schema, string table)
        => _byTable.TryGetValue((schema, table), out var list)
            ? list.Select(e => new EntityReference(e.Context.Name, e.Entity.Name, e.Entity.ClrName)).ToList()
            : [];

    /// <summary>The property stored in the column (the first entity's, for a table several types share).</summary>
    public PropertyDescription? PropertyOf(string schema, string table, string column)
        => _byTable.TryGetValue((schema, table), out var list)
            ? list.SelectMany(e => e.Entity.Properties).FirstOrDefault(p => p.Column == column)
            : null;

    public IReadOnlyList<NavigationInfo> NavigationsOf(string schema, string table)
    {
        if (!_byTable.TryGetValue((schema, table), out var list))
        {
            return [];
        }

        var navigations = new List<NavigationInfo>();
        foreach (var (context, entity) in list)
        {
            foreach (var navigation in entity.Navigations)
            {
                var target = context.Entities.FirstOrDefault(e => e.Name == navigation.Target);
                navigations.Add(new NavigationInfo(
                    context.Name, entity.Name, navigation.Name, navigation.Target, navigation.IsCollection, navigation.IsOnDependent,
                    target is null ? null : SchemaOf(context, target), target?.Table));
            }
        }

        return navigations;
    }

    private static string SchemaOf(ContextDescription context, EntityDescription entity)
        => entity.Schema ?? context.DefaultSchema ?? "public";
}
