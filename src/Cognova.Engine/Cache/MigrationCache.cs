using Cognova.Engine.Lint;
using Cognova.Engine.Sources;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Engine.Cache;

/// <summary>
/// The check's per-migration cache under obj/: one file per DbContext. A migration whose key
/// (<see cref="MigrationCacheKeys"/>) is unchanged since the last check takes its SQL and findings from
/// the file; only the others are generated and linted. Without a folder (CognovaCache=false) nothing is
/// read or written; when <paramref name="readEntries"/> is false (locked mode, a bundle) every migration
/// is generated again, and the file is still refreshed.
/// </summary>
internal sealed class MigrationCache(string? directory, bool readEntries, SourceIndex sources, RuleSeverities severities, HostLog log)
{
    private readonly Dictionary<Type, Task<StoredEntries>> _stored = [];
    private Task<MigrationSourceFiles>? _files;

    /// <summary>Made on first use (a drift-only check reads no memo), or by <see cref="StartReading"/>.</summary>
    private MigrationSourceFiles Files => (_files ??= Task.FromResult(LoadFiles(hashRemembered: false))).GetAwaiter().GetResult();

    /// <summary>
    /// Starts, in the background, what the cache needs before the DbContext does: the hashes of the source files the
    /// last check's keys were made of (a file unchanged since is only looked at, see <see cref="SourceHashMemo"/>) and
    /// the context's cache file. The caller meanwhile creates the DbContext; <see cref="Prepare"/> waits for both.
    /// </summary>
    public void StartReading(Type contextType)
    {
        if (directory is null)
        {
            return;
        }

        _files ??= Task.Run(() => LoadFiles(hashRemembered: true));
        if (readEntries && !_stored.ContainsKey(contextType))
        {
            _stored[contextType] = Task.Run(() => ReadStored(contextType));
        }
    }

    private MigrationSourceFiles LoadFiles(bool hashRemembered)
    {
        var memo = directory is null ? SourceHashMemo.None() : SourceHashMemo.Load(directory, log);
        var files = new MigrationSourceFiles(sources, memo);
        if (hashRemembered)
        {
            var known = sources.Files.ToHashSet(StringComparer.Ordinal);
            foreach (var file in memo.Remembered.Where(known.Contains))
            {
                files.Hash(file);
            }
        }

        return files;
    }

    /// <summary>
    /// What needs the context (the migrations, the services and options in the key) is read now, on the
    /// caller's thread, since EF Core contexts are not thread-safe; the returned function hashes the files and
    /// reads the cache file, on any thread.
    /// </summary>
    public Func<CachePlan> Prepare(DbContext context, Type contextType)
    {
        var migrations = context.GetService<IMigrationsAssembly>().Migrations.Select(m => (m.Key, m.Value.AsType())).ToList();
        if (directory is null)
        {
            return () => new CachePlan(migrations, null, null, [], new Dictionary<string, CachedMigration>(), changed: false, log);
        }

        var contextKey = log.Step("compute the DbContext's cache key", () => MigrationCacheKeys.ForContext(context, contextType, severities, Files));
        return () => Plan(contextType, migrations, contextKey);
    }

    private CachePlan Plan(Type contextType, IReadOnlyList<(string Id, Type Type)> migrations, string contextKey)
    {
        var keys = log.Step("compute the migrations' cache keys", () => MigrationCacheKeys.ForMigrations(contextKey, migrations, Files));
        Files.SaveHashes(log);
        var (path, contextName) = (PathOf(contextType), NameOf(contextType));
        var (stored, changed) = !readEntries ? new StoredEntries(new Dictionary<string, CachedMigration>(StringComparer.Ordinal), Changed: true)
            : _stored.TryGetValue(contextType, out var reading) ? reading.GetAwaiter().GetResult()
            : ReadStored(contextType);
        if (!readEntries)
        {
            log.Verbose("cache not read: locked mode checks every migration");
        }

        var hits = new Dictionary<string, CachedMigration>(StringComparer.Ordinal);
        for (var i = 0; i < migrations.Count; i++)
        {
            var (id, type) = migrations[i];
            if (keys[i] is { } key && stored.TryGetValue(id, out var entry) && entry.Key == key && entry.ClassName == type.Name)
            {
                hits[id] = entry;
            }
        }

        changed |= stored.Count != hits.Count;
        return new CachePlan(migrations, path, contextName, keys, hits, changed, log);
    }

    /// <summary>The context's cache file; one that cannot be trusted gives no entries and is to be written again.</summary>
    private StoredEntries ReadStored(Type contextType)
    {
        var path = PathOf(contextType);
        try
        {
            return new StoredEntries(MigrationCacheFile.Read(path, NameOf(contextType)), Changed: false);
        }
        catch (InvalidCacheFileException ex)
        {
            log.Verbose($"cache file {path} ignored, every migration is checked again: {ex.Message}");
            return new StoredEntries(new Dictionary<string, CachedMigration>(StringComparer.Ordinal), Changed: true);
        }
    }

    private string PathOf(Type contextType)
    {
        var name = string.Concat(NameOf(contextType).Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_'));
        return Path.Combine(directory!, name + ".json");
    }

    private static string NameOf(Type contextType) => contextType.FullName ?? contextType.Name;

    private readonly record struct StoredEntries(Dictionary<string, CachedMigration> Entries, bool Changed);
}

/// <summary>Which migrations of one DbContext come from the cache and which are generated, and how the two join.</summary>
internal sealed class CachePlan(
    IReadOnlyList<(string Id, Type Type)> migrations,
    string? path,
    string? contextName,
    IReadOnlyList<string?> keys,
    IReadOnlyDictionary<string, CachedMigration> hits,
    bool changed,
    HostLog log)
{
    public IReadOnlyList<(string Id, Type Type)> Migrations { get; } = migrations;

    public IReadOnlyDictionary<string, CachedMigration> Hits { get; } = hits;

    public bool NeedsGeneration(string id) => !Hits.ContainsKey(id);

    public bool AnyToGenerate => Migrations.Any(m => NeedsGeneration(m.Id));

    /// <summary>
    /// Every migration in order, with its findings: a hit from the cache, the rest from
    /// <paramref name="generated"/> and <paramref name="lint"/>. Writes the cache file when it changed.
    /// </summary>
    public (IReadOnlyList<MigrationScript> Scripts, IReadOnlyList<Finding> Findings) Join(
        IReadOnlyList<MigrationScript> generated,
        Func<MigrationScript, IReadOnlyList<Finding>> lint)
    {
        var byId = generated.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var scripts = new List<MigrationScript>(Migrations.Count);
        var findings = new List<Finding>();
        var entries = new List<CachedMigration>();
        for (var i = 0; i < Migrations.Count; i++)
        {
            var id = Migrations[i].Id;
            if (Hits.TryGetValue(id, out var hit))
            {
                scripts.Add(hit.ToScript());
                findings.AddRange(hit.ToFindings());
                entries.Add(hit);
                continue;
            }

            var script = byId.TryGetValue(id, out var made) ? made : throw new InvalidOperationException($"migration {id} was not generated");
            var found = lint(script);
            scripts.Add(script);
            findings.AddRange(found);
            if (keys.Count > i && keys[i] is { } key)
            {
                entries.Add(CachedMigration.From(script, key, found));
            }
        }

        if (path is not null)
        {
            log.Verbose($"cache: {Hits.Count} of {Migrations.Count} migration(s) unchanged, {generated.Count} generated");
            Save(path, entries, changed || generated.Count > 0);
        }

        return (scripts, findings);
    }

    private void Save(string file, IReadOnlyList<CachedMigration> entries, bool write)
    {
        if (!write)
        {
            return;
        }

        try
        {
            MigrationCacheFile.Write(file, contextName!, entries);
            log.Verbose("wrote " + file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Verbose($"cache file {file} not written: {ex.Message}");
        }
    }
}
