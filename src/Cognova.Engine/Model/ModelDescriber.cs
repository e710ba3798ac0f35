using System.Reflection;
using Cognova.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cognova.Engine.Model;

/// <summary>
/// Describes already-created DbContexts as the model description (docs/model-description.md): from each
/// context's design-time model (it keeps what the runtime model drops, such as comments) and its relational
/// model. Needs no database. The same model gives the same document, byte for byte.
/// </summary>
internal static class ModelDescriber
{
    public static ModelDescription Describe(IEnumerable<DbContext> contexts)
    {
        var list = contexts.ToList();
        var providers = list.Select(c => c.Database.ProviderName).Distinct().ToList();
        return new ModelDescription
        {
            EfCoreVersion = EfCoreVersion(),
            Provider = providers.Count == 1 ? providers[0] : null,
            Contexts = list.Select(Describe)
                .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.FullName, StringComparer.Ordinal)
                .ToList(),
        };
    }

    public static ContextDescription Describe(DbContext context)
    {
        var type = context.GetType();
        var model = (context.GetInfrastructure().GetService(typeof(IDesignTimeModel)) as IDesignTimeModel)?.Model ?? context.Model;
        return Describe(model, type.Name, type.FullName ?? type.Name);
    }

    public static ContextDescription Describe(IModel model, string name, string fullName)
    {
        var databaseEnums = DatabaseEnums.Read(model);
        return new ContextDescription
        {
            Name = name,
            FullName = fullName,
            DefaultSchema = model.GetDefaultSchema(),
            Entities = model.GetEntityTypes()
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .Select(e => EntityDescriber.Describe(e, databaseEnums))
                .ToList(),
            Enums = databaseEnums,
            Sequences = model.GetSequences()
                .OrderBy(s => s.Schema ?? "", StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new SequenceDescription
                {
                    Name = s.Name,
                    Schema = s.Schema,
                    ClrType = ClrTypeNames.Of(s.Type),
                    StartValue = s.StartValue,
                    IncrementBy = s.IncrementBy,
                })
                .ToList(),
        };
    }

    // The informational version without its source-revision suffix: 10.0.15, not 10.0.15+a1b2c3.
    private static string EfCoreVersion()
    {
        var version = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? typeof(DbContext).Assembly.GetName().Version?.ToString() ?? "";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
