using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Migrations.Internal;

/// <summary>
/// What a run will do, decided from the ids of the assembly's migrations and the database's history the
/// way EF Core's migrator decides it: migrations above the target that the history has are reverted,
/// newest first; migrations at or below the target that it lacks are applied, oldest first. Ids compare
/// ordinally without case, as EF Core orders them. History entries the assembly does not know are left alone.
/// </summary>
/// <param name="Target">The migration id to hand to EF Core's migrator, <see cref="Migration.InitialDatabase"/>, or null when the assembly has no migrations.</param>
/// <param name="Reverts">The applied migrations to revert, in the order they are reverted.</param>
/// <param name="Applies">The pending migrations to apply, in the order they are applied.</param>
/// <param name="Current">The newest known migration the history has, or <see cref="None"/>.</param>
/// <param name="Final">The migration the database is at once the plan ran, or <see cref="None"/>.</param>
internal sealed record MigrationPlan(string? Target, IReadOnlyList<string> Reverts, IReadOnlyList<string> Applies, string Current, string Final)
{
    /// <summary>How a database with no migration applied is named in messages.</summary>
    public const string None = "(none)";

    /// <summary>Every step in order: the reverts, then the applies.</summary>
    public IReadOnlyList<string> Steps => [.. Reverts, .. Applies];

    /// <summary>True when the database is at the target already.</summary>
    public bool IsEmpty => Reverts.Count == 0 && Applies.Count == 0;

    /// <param name="known">The ids of the migrations in the assembly, in any order.</param>
    /// <param name="history">The ids in the database's history table.</param>
    /// <param name="target">
    /// Null for the newest migration, <see cref="Migration.InitialDatabase"/> for none, otherwise an id
    /// already resolved against <paramref name="known"/> (<c>IMigrationsAssembly.GetMigrationId</c>).
    /// </param>
    public static MigrationPlan Create(IEnumerable<string> known, IEnumerable<string> history, string? target)
    {
        var ordered = known.Order(StringComparer.OrdinalIgnoreCase).ToList();
        var applied = new HashSet<string>(history, StringComparer.OrdinalIgnoreCase);
        var appliedKnown = ordered.Where(applied.Contains).ToList();
        var current = appliedKnown.Count > 0 ? appliedKnown[^1] : None;
        if (ordered.Count == 0)
        {
            return new MigrationPlan(null, [], [], current, current);
        }

        var resolved = target ?? ordered[^1];
        bool AtOrBelow(string id) => resolved != Migration.InitialDatabase && string.Compare(id, resolved, StringComparison.OrdinalIgnoreCase) <= 0;
        var reverts = appliedKnown.Where(id => !AtOrBelow(id)).Reverse().ToList();
        var applies = ordered.Where(id => !applied.Contains(id) && AtOrBelow(id)).ToList();
        var final = resolved == Migration.InitialDatabase ? None : resolved;
        return new MigrationPlan(resolved, reverts, applies, current, final);
    }
}
