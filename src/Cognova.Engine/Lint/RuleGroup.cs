namespace Cognova.Engine.Lint;

/// <summary>What kind of risk a rule looks for.</summary>
public enum RuleGroup
{
    /// <summary>Loses data or breaks running app versions; an error until approved.</summary>
    Destructive,

    /// <summary>Points the migration guide asks a reviewer to check: NOT NULL, defaults, cascades, uniqueness.</summary>
    ReviewPoint,

    /// <summary>Takes a lock or rewrites a table on PostgreSQL, blocking reads or writes meanwhile.</summary>
    Locking,

    /// <summary>Cannot run as written inside the migration's transaction: the deploy fails.</summary>
    Transaction,
}
