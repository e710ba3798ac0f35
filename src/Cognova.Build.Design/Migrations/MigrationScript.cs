using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Design.Migrations;

/// <summary>
/// One migration as it would run: its operations, the SQL the provider generates for each, and the
/// whole script whose hash the lock file records.
/// </summary>
public sealed record MigrationScript(
    string Id,
    string ClassName,
    IReadOnlyList<MigrationOperation> Operations,
    IReadOnlyList<string> OperationSql,
    string Sql)
{
    /// <summary>The migration's name without its timestamp: <c>20240101120000_AddTags</c> → <c>AddTags</c>.</summary>
    public string Name => Id.Length > 15 && Id[14] == '_' ? Id[15..] : Id;

    public string SqlHash { get; } = Hash(Sql);

    /// <summary>Store types of columns where the operations leave them out, as the provider resolves them.</summary>
    public Lint.ColumnStoreTypes StoreTypes { get; init; } = Lint.ColumnStoreTypes.Unknown;

    public static string Hash(string text)
        => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"))));
}
