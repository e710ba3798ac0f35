using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cognova.Migrations;

/// <summary>
/// One migration as it would run: its operations, the SQL the provider generates for each, and the
/// whole script whose hash the lock file records. <see cref="OperationSql"/> has one entry per operation;
/// a script read from the check's cache (<see cref="FromCache"/>) has no <see cref="Operations"/>.
/// </summary>
public sealed record MigrationScript(
    string Id,
    string ClassName,
    IReadOnlyList<MigrationOperation> Operations,
    IReadOnlyList<string> OperationSql,
    string Sql)
{
    /// <summary>The migration's name without its timestamp: <c>20240101120000_AddTags</c> → <c>AddTags</c>.</summary>
    public string Name => MigrationIds.NameOf(Id);

    public string SqlHash { get; } = Hash(Sql);

    /// <summary>How many operations the migration has.</summary>
    public int OperationCount => OperationSql.Count;

    /// <summary>Read from the check's cache: the SQL and the findings were kept from an earlier build.</summary>
    public bool FromCache { get; init; }

    /// <summary>The provider's type mappings, for the store type of a column whose operation leaves it out.</summary>
    public IRelationalTypeMappingSource? TypeMappings { get; init; }

    /// <summary>The model before this migration (the previous migration's target model), for the store types of existing columns.</summary>
    public IRelationalModel? ModelBefore { get; init; }

    public static string Hash(string text)
        => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"))));
}
