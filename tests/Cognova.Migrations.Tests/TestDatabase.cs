using Cognova.Build.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cognova.Migrations.Tests;

/// <summary>
/// The tests that need PostgreSQL share one server: a throw-away cluster, or the server named by
/// COGNOVA_TEST_DATABASE_URL. xunit 2 only finds collection definitions in the test assembly.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>A fresh database and the small things the tests ask of it.</summary>
public sealed class TestDatabase(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    public static async Task<TestDatabase> CreateAsync(PostgresServer server, string prefix)
        => new(await server.CreateDatabaseAsync(prefix));

    public TContext NewContext<TContext>()
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>().UseNpgsql(ConnectionString).Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }

    public long LockIdOf<TContext>() => MigrationLockId.For(Name, typeof(TContext));

    /// <summary>The history table's rows, in order (empty when the table does not exist).</summary>
    public async Task<List<string>> HistoryAsync()
    {
        if (!await ExistsAsync("__EFMigrationsHistory"))
        {
            return [];
        }

        return await QueryAsync("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"", r => r.GetString(0));
    }

    public async Task<bool> ExistsAsync(string table)
        => (await QueryAsync($"SELECT to_regclass('public.\"{table}\"') IS NOT NULL", r => r.GetBoolean(0)))[0];

    /// <summary>True when another session can take the lock now (it is taken and released at once).</summary>
    public async Task<bool> LockIsFreeAsync(long lockId)
    {
        await using var connection = await OpenAsync();
        await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@id)", connection);
        take.Parameters.AddWithValue("id", lockId);
        var taken = (bool)(await take.ExecuteScalarAsync())!;
        if (taken)
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@id)", connection);
            release.Parameters.AddWithValue("id", lockId);
            await release.ExecuteScalarAsync();
        }

        return taken;
    }

    /// <summary>The server process holding advisory lock <paramref name="lockId"/>, or null.</summary>
    public async Task<int?> LockHolderAsync(long lockId)
    {
        var rows = await QueryAsync(
            """
            SELECT pid FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 1
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND ((classid::bigint << 32) | objid::bigint) = @id
            """,
            r => r.GetInt32(0),
            ("id", lockId));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Sets a database-level setting that new sessions see (e.g. cognova.test_sleep).</summary>
    public async Task SetAsync(string setting, string? value)
    {
        var sql = value is null
            ? $"ALTER DATABASE \"{Name}\" RESET {setting}"
            : $"ALTER DATABASE \"{Name}\" SET {setting} = '{value}'";
        await ExecuteAsync(sql);
    }

    public Task ExecuteAsync(string sql) => Database.ExecuteAsync(ConnectionString, sql);

    public Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
        => Database.QueryAsync(ConnectionString, sql, read, parameters);

    /// <summary>A connection of its own (not pooled), e.g. to hold a lock.</summary>
    public Task<NpgsqlConnection> OpenAsync() => Database.OpenAsync(ConnectionString);
}

/// <summary>Keeps what was logged, for assertions on event ids and text.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly List<(LogLevel Level, EventId Id, string Message, string Category)> _entries = [];

    public IReadOnlyList<(LogLevel Level, EventId Id, string Message, string Category)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IEnumerable<(LogLevel Level, EventId Id, string Message, string Category)> WithId(int id) => Entries.Where(e => e.Id.Id == id);

    /// <summary>What Cognova.Migrations logged (not EF Core's own events).</summary>
    public IEnumerable<(LogLevel Level, EventId Id, string Message, string Category)> Cognova => Entries.Where(e => e.Category == "Cognova.Migrations");

    /// <summary>A logger of the category Cognova.Migrations, for calling the runner directly.</summary>
    public ILogger Logger => CreateLogger("Cognova.Migrations");

    public ILogger CreateLogger(string categoryName) => new Sink(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Sink(LogSink owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._entries)
            {
                owner._entries.Add((logLevel, eventId, formatter(state, exception), category));
            }
        }
    }
}

/// <summary>Records what the runner tells an observer.</summary>
public sealed class RecordingObserver : IMigrationRunObserver
{
    public List<string> Events { get; } = [];

    public void Starting(string migrationId) => Events.Add("start " + migrationId);

    public void Applied(string migrationId, TimeSpan duration) => Events.Add("done " + migrationId);
}
