using Cognova.Engine.Model;
using Cognova.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cognova.Engine.Types;

/// <summary>
/// Gathers what the types are made of while the check has each DbContext: its model description, the CLR type of
/// each entity (to read the JSON contract) and the application's services (to find its JSON settings).
/// </summary>
internal sealed class TypeScriptModel
{
    private readonly List<ContextDescription> _contexts = [];
    private readonly Dictionary<string, Type> _clrTypes = new(StringComparer.Ordinal);
    private IServiceProvider? _applicationServices;

    /// <param name="applicationServices">The application's services when the context was not made by them (a design-time factory).</param>
    public void Add(DbContext context, IServiceProvider? applicationServices)
    {
        _contexts.Add(ModelDescriber.Describe(context));
        foreach (var entity in context.Model.GetEntityTypes())
        {
            // A property bag (a many-to-many join entity held in a Dictionary) has no members of its own to read.
            if (!entity.IsPropertyBag)
            {
                _clrTypes.TryAdd(entity.Name, entity.ClrType);
            }
        }

        _applicationServices ??= context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider ?? applicationServices;
    }

    public ModelDescription Description() => new()
    {
        Contexts = _contexts.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.FullName, StringComparer.Ordinal).ToList(),
    };

    /// <summary>The JSON contract of the entities under the application's own settings, and where those came from.</summary>
    public (WireContract Contract, string Source) Wire()
    {
        var (options, source) = ApplicationJsonOptions.Resolve(_applicationServices);
        return (WireContractReader.Read(_clrTypes, options), source);
    }
}
