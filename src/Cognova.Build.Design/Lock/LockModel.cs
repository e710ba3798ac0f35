namespace Cognova.Build.Design.Lock;

/// <summary>
/// The committed lock file: for each DbContext, every migration in order with the hash of its SQL,
/// a hash chained over all earlier entries, and the approvals of its findings.
/// </summary>
public sealed class LockFile
{
    public const int CurrentVersion = 1;

    public SortedDictionary<string, LockedContext> Contexts { get; } = new(StringComparer.Ordinal);

    public LockedContext For(string contextName)
    {
        if (!Contexts.TryGetValue(contextName, out var context))
        {
            context = new LockedContext();
            Contexts[contextName] = context;
        }

        return context;
    }
}

public sealed class LockedContext
{
    public List<LockedMigration> Migrations { get; } = [];
}

public sealed class LockedMigration(string id, string sql, string chain)
{
    public string Id { get; } = id;

    /// <summary>SHA-256 of the migration's generated SQL.</summary>
    public string Sql { get; set; } = sql;

    /// <summary>SHA-256 over the previous entry's chain, this id and this SQL hash.</summary>
    public string Chain { get; set; } = chain;

    public List<Approval> Approvals { get; } = [];
}

/// <summary>A reviewer's approval of one finding, bound to the hash of the exact statement.</summary>
public sealed record Approval(string Rule, string Statement, string Reason, string? Sql);
