namespace Cognova.Migrations;

/// <summary>
/// Migration ids and names as EF Core reads them: an id is a 14-digit timestamp, '_' and the name
/// (<c>20260101120000_AddTags</c>). Shared as source: the build's host runs without Cognova.Migrations.dll.
/// </summary>
/// <remarks>
/// Where an <c>IMigrationsAssembly</c> is at hand, its <c>FindMigrationId</c>/<c>GetMigrationId</c> are
/// the same rules; these serve lists of ids that come from elsewhere (a lock file, generated scripts).
/// </remarks>
internal static class MigrationIds
{
    private const int TimestampLength = 14;

    /// <summary>True when <paramref name="value"/> has the shape of an id (timestamp, '_', name), as EF Core's id generator checks it.</summary>
    public static bool IsId(string value)
    {
        if (value.Length <= TimestampLength + 1 || value[TimestampLength] != '_')
        {
            return false;
        }

        for (var i = 0; i < TimestampLength; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name in an id (<c>AddTags</c>); an id of another shape is its own name.</summary>
    public static string NameOf(string id) => IsId(id) ? id[(TimestampLength + 1)..] : id;

    /// <summary>
    /// The id that <paramref name="nameOrId"/> names, as EF Core's <c>FindMigrationId</c> does: a value with
    /// the shape of an id matches an id, anything else matches a name; without case; the first match in
    /// <paramref name="ids"/>. Null when none does.
    /// </summary>
    public static string? Find(IEnumerable<string> ids, string nameOrId)
        => IsId(nameOrId)
            ? ids.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase))
            : ids.FirstOrDefault(id => string.Equals(NameOf(id), nameOrId, StringComparison.OrdinalIgnoreCase));
}
