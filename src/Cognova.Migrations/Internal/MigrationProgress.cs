using System.Diagnostics;
using System.Reflection;
using Cognova.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Cognova.Migrations.Internal;

/// <summary>
/// Follows EF Core's migrator through its own diagnostic events (<c>MigrationApplying</c>,
/// <c>MigrationReverting</c>): EF Core runs each migration in its own transaction, and starts the next
/// one only after the previous one committed, so the start of one migration is the end of the one
/// before. Events of other contexts sharing the listener are told apart by the migrator instance.
/// </summary>
internal sealed class MigrationProgress : IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string ApplyingEvent = RelationalEventId.MigrationApplying.Name!;
    private static readonly string RevertingEvent = RelationalEventId.MigrationReverting.Name!;

    private readonly object _gate = new();
    private readonly IMigrator _migrator;
    private readonly IMigrationRunObserver? _observer;
    private readonly ILogger _logger;
    private readonly string _database;
    private readonly List<AppliedMigration> _applied = [];
    private readonly IDisposable? _subscription;
    private readonly Func<Migration, CancellationToken, Task>? _beforeMigration;
    private readonly DbContext _context;
    private readonly CancellationToken _token;
    private string? _current;
    private bool _currentIsRevert;
    private long _currentStarted;

    public MigrationProgress(
        DbContext context,
        IMigrator migrator,
        IMigrationRunObserver? observer,
        ILogger logger,
        string database,
        Func<Migration, CancellationToken, Task>? beforeMigration = null,
        CancellationToken token = default)
    {
        _migrator = migrator;
        _beforeMigration = beforeMigration;
        _context = context;
        _token = token;
        _observer = observer;
        _logger = logger;
        _database = database;
        if (context.GetService<DiagnosticSource>() is DiagnosticListener listener)
        {
            _subscription = listener.Subscribe(this, name => name == ApplyingEvent || name == RevertingEvent);
        }
    }

    /// <summary>False when the context's diagnostic source is not EF Core's listener (then no per-migration events arrive).</summary>
    public bool IsFollowing => _subscription is not null;

    /// <summary>The migration that started and has not committed yet.</summary>
    public string? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>What <see cref="MigrationRunOptions.BeforeMigration"/> threw, which stopped the run; null when it did not.</summary>
    public Exception? BeforeMigrationFailure { get; private set; }

    /// <summary>The migrations that committed so far, in order.</summary>
    public IReadOnlyList<AppliedMigration> Applied
    {
        get
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }
    }

    /// <summary>
    /// Runs <see cref="MigrationRunOptions.BeforeMigration"/> for every step at once, on instances made as
    /// EF Core makes them, when no event will come between two migrations.
    /// </summary>
    public async Task BeforeAllAsync(IEnumerable<string> steps)
    {
        if (_beforeMigration is null)
        {
            return;
        }

        var assembly = _context.GetService<IMigrationsAssembly>();
        var provider = _context.Database.ProviderName!;
        try
        {
            foreach (var step in steps)
            {
                await _beforeMigration(assembly.CreateMigration(assembly.Migrations[step], provider), _token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            BeforeMigrationFailure = e;
            throw;
        }
    }

    /// <summary>The migrator returned: the running migration committed.</summary>
    public void Completed()
    {
        lock (_gate)
        {
            FinishCurrent();
        }
    }

    /// <summary>
    /// After a failure: when the history shows that the running migration committed after all (the
    /// failure came later, e.g. from seeding), counts it as applied. True when it did.
    /// </summary>
    public bool Reconcile(IReadOnlySet<string> history)
    {
        lock (_gate)
        {
            if (_current is null || history.Contains(_current) == _currentIsRevert)
            {
                return false;
            }

            FinishCurrent();
            return true;
        }
    }

    /// <summary>Records a migration that committed without an event (when <see cref="IsFollowing"/> is false).</summary>
    public void AddWithoutTiming(string migrationId)
    {
        lock (_gate)
        {
            _applied.Add(new AppliedMigration(migrationId, TimeSpan.Zero));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is not MigrationEventData data || !ReferenceEquals(data.Migrator, _migrator))
        {
            return;
        }

        var id = data.Migration.GetType().GetCustomAttribute<MigrationAttribute>()?.Id ?? data.Migration.GetType().Name;
        lock (_gate)
        {
            FinishCurrent();
        }

        // EF Core raises the event before it generates the migration's SQL, with the instance it will run:
        // what the hook throws reaches the migrator there, so none of this migration runs.
        if (_beforeMigration is not null)
        {
            try
            {
                _beforeMigration(data.Migration, _token).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                BeforeMigrationFailure = e;
                throw;
            }
        }

        lock (_gate)
        {
            _current = id;
            _currentIsRevert = value.Key == RevertingEvent;
            _currentStarted = Stopwatch.GetTimestamp();
        }

        if (value.Key == RevertingEvent)
        {
            Notify(id, o => o.Reverting(id));
        }
        else
        {
            Notify(id, o => o.Starting(id));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription?.Dispose();

    private void FinishCurrent()
    {
        if (_current is null)
        {
            return;
        }

        var id = _current;
        var duration = Stopwatch.GetElapsedTime(_currentStarted);
        _applied.Add(new AppliedMigration(id, duration, _currentIsRevert));
        _current = null;
        if (_currentIsRevert)
        {
            MigrationLog.MigrationReverted(_logger, id, _database, (long)duration.TotalMilliseconds);
            Notify(id, o => o.Reverted(id, duration));
        }
        else
        {
            MigrationLog.MigrationApplied(_logger, id, _database, (long)duration.TotalMilliseconds);
            Notify(id, o => o.Applied(id, duration));
        }
    }

    // EF Core raises the event in the middle of its migration loop: an observer that throws must not
    // abort the migration.
    private void Notify(string id, Action<IMigrationRunObserver> call)
    {
        if (_observer is null)
        {
            return;
        }

        try
        {
            call(_observer);
        }
        catch (Exception e)
        {
            MigrationLog.ObserverFailed(_logger, id, SecretMasker.MaskText(e.Message));
        }
    }
}
