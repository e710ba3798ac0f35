namespace Cognova.Studio;

/// <summary>What one studio run serves: the database, the model, and what the user allowed.</summary>
public sealed record StudioOptions
{
    /// <summary>The full connection string (with its password: it never leaves the server).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The model description's JSON (docs/model-description.md), or null: SQL names only.</summary>
    public string? ModelJson { get; init; }

    /// <summary>What <c>dotnet cognova status --json</c> said at start, or null.</summary>
    public string? MigrationsJson { get; init; }

    /// <summary>Edits and the SQL console may write. Otherwise every connection is read-only in PostgreSQL itself.</summary>
    public bool Writable { get; init; }

    /// <summary>The database looks like production (the push command's guard).</summary>
    public bool Production { get; init; }

    /// <summary>The port on 127.0.0.1 and ::1; null: a free one.</summary>
    public int? Port { get; init; }
}
