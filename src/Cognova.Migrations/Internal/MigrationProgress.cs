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

    private readonly object gate = new();
    private readonly IMigrator migrator;
    private readonly IMigrationRunObserver? observer;
    private readonly ILogger logger;
    private readonly string database;
    private readonly List<AppliedMigration> applied = [];
    private readonly IDisposable? subscription;
    private readonly Func<string, CancellationToken, Task>? beforeMigration;
    private readonly CancellationToken token;
    private string? current;
    private bool currentIsRevert;
    private long currentStarted;

    public MigrationProgress(
        DbContext context,
        IMigrator migrator,
        IMigrationRunObserver? observer,
        ILogger logger,
        string database,
        Func<string, CancellationToken, Task>? beforeMigration = null,
        CancellationToken token = default)
    {
        this.migrator = migrator;
        this.beforeMigration = beforeMigration;
        this.token = token;
        this.observer = observer;
        this.logger = logger;
        this.database = database;
        if (context.GetService<DiagnosticSource>() is DiagnosticListener listener)
        {
            subscription = listener.Subscribe(this, name => name == ApplyingEvent || name == RevertingEvent);
        }
    }

    /// <summary>False when the context's diagnostic source is not EF Core's listener (then no per-migration events arrive).</summary>
    public bool IsFollowing => subscription is not null;

    /// <summary>The migration that started and has not committed yet.</summary>
    public string? Current
    {
        get
        {
            lock (gate)
            {
                return current;
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
            lock (gate)
            {
                return [.. applied];
            }
        }
    }

    /// <summary>Runs <see cref="MigrationRunOptions.BeforeMigration"/> for every step at once, when no event will come between two migrations.</summary>
    public async Task BeforeAllAsync(IEnumerable<string> steps)
    {
        if (beforeMigration is null)
        {
            return;
        }

        try
        {
            foreach (var step in steps)
            {
                await beforeMigration(step, token).ConfigureAwait(false);
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
        lock (gate)
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
        lock (gate)
        {
            if (current is null || history.Contains(current) == currentIsRevert)
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
        lock (gate)
        {
            applied.Add(new AppliedMigration(migrationId, TimeSpan.Zero));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is not MigrationEventData data || !ReferenceEquals(data.Migrator, migrator))
        {
            return;
        }

        var id = data.Migration.GetType().GetCustomAttribute<MigrationAttribute>()?.Id ?? data.Migration.GetType().Name;
        lock (gate)
        {
            FinishCurrent();
        }

        // EF Core raises the event before it generates the migration's SQL: what the hook throws reaches
        // the migrator there, so none of this migration runs.
        if (beforeMigration is not null)
        {
            try
            {
                beforeMigration(id, token).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                BeforeMigrationFailure = e;
                throw;
            }
        }

        lock (gate)
        {
            current = id;
            currentIsRevert = value.Key == RevertingEvent;
            currentStarted = Stopwatch.GetTimestamp();
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

    public void Dispose() => subscription?.Dispose();

    private void FinishCurrent()
    {
        if (current is null)
        {
            return;
        }

        var id = current;
        var duration = Stopwatch.GetElapsedTime(currentStarted);
        applied.Add(new AppliedMigration(id, duration, currentIsRevert));
        current = null;
        if (currentIsRevert)
        {
            MigrationLog.MigrationReverted(logger, id, database, (long)duration.TotalMilliseconds);
            Notify(id, o => o.Reverted(id, duration));
        }
        else
        {
            MigrationLog.MigrationApplied(logger, id, database, (long)duration.TotalMilliseconds);
            Notify(id, o => o.Applied(id, duration));
        }
    }

    // EF Core raises the event in the middle of its migration loop: an observer that throws must not
    // abort the migration.
    private void Notify(string id, Action<IMigrationRunObserver> call)
    {
        if (observer is null)
        {
            return;
        }

        try
        {
            call(observer);
        }
        catch (Exception e)
        {
            MigrationLog.ObserverFailed(logger, id, SecretMasker.MaskText(e.Message));
        }
    }
}
