namespace Cognova.Engine.Lock;

/// <summary>
/// The committed lock file: for each DbContext, every migration in order with the hash of its SQL,
/// a hash chained over all earlier entries, and the approvals of its findings.
/// </summary>
public sealed class LockFile
{
    /// <summary>Version 2 binds approvals into the chain; version 1 chained only ids and SQL hashes.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The oldest version this code still reads (and upgrades on the next local write).</summary>
    public const int OldestReadableVersion = 1;

    /// <summary>The version the file was read with; a new file has the current one.</summary>
    public int Version { get; internal set; } = CurrentVersion;

    public SortedDictionary<string, LockedContext> Contexts { get; } = new(StringComparer.Ordinal);

    public LockedContext For(string contextName)
    {
        if (!Contexts.TryGetValue(contextName, out var context))
        {
            context = new LockedContext(Version);
            Contexts[contextName] = context;
        }

        return context;
    }
}

public sealed class LockedContext(int chainVersion = LockFile.CurrentVersion)
{
    /// <summary>The lock file version whose chain formula this context's entries were written with.</summary>
    public int ChainVersion { get; internal set; } = chainVersion;

    public List<LockedMigration> Migrations { get; } = [];
}

public sealed class LockedMigration(string id, string sql, string chain)
{
    public string Id { get; } = id;

    /// <summary>SHA-256 of the migration's generated SQL.</summary>
    public string Sql { get; set; } = sql;

    /// <summary>SHA-256 over the previous entry's chain, this id, this SQL hash and (from version 2) these approvals.</summary>
    public string Chain { get; set; } = chain;

    public List<Approval> Approvals { get; } = [];
}

/// <summary>A reviewer's approval of one finding, bound to the hash of the exact statement.</summary>
public sealed record Approval(string Rule, string Statement, string Reason, string? Sql)
{
    /// <summary>An approval without a reason (empty or blank) approves nothing, wherever it is read.</summary>
    public bool HasReason => !string.IsNullOrWhiteSpace(Reason);
}
