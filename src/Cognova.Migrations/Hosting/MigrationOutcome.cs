using Microsoft.EntityFrameworkCore;

namespace Cognova.Migrations;

/// <summary>Where the start-up migrations of one DbContext stand.</summary>
public enum MigrationOutcomeStatus
{
    /// <summary>The host has not started yet.</summary>
    NotStarted,

    /// <summary>The migrations are running.</summary>
    Running,

    /// <summary>Off: <see cref="CognovaMigrationsOptions.Enabled"/> is false, or the Development environment without <see cref="CognovaMigrationsOptions.RunInDevelopment"/>.</summary>
    Disabled,

    /// <summary>Pending migrations were applied.</summary>
    Applied,

    /// <summary>Nothing was pending.</summary>
    UpToDate,

    /// <summary>Another instance held the migration lock; this one did not migrate.</summary>
    SkippedLocked,

    /// <summary>The lock stayed taken for longer than the lock timeout.</summary>
    LockTimeout,

    /// <summary>A migration failed; the database stays at the last one that committed.</summary>
    Failed,

    /// <summary>The database could not be reached.</summary>
    Unreachable,

    /// <summary>The run timed out; the running migration was rolled back.</summary>
    TimedOut,
}

/// <summary>
/// The outcome of the start-up migrations of one DbContext, for the app to read (e.g. to turn database
/// features off): ask the container for <see cref="MigrationOutcome{TContext}"/>, or for
/// <c>IEnumerable&lt;MigrationOutcome&gt;</c> to see every DbContext. The health check reads the same.
/// </summary>
public class MigrationOutcome
{
    private readonly object _gate = new();
    private readonly TaskCompletionSource<MigrationOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MigrationOutcomeStatus _status = MigrationOutcomeStatus.NotStarted;
    private MigrationRunResult? _result;
    private string? _reason;

    internal MigrationOutcome(Type contextType) => ContextType = contextType;

    /// <summary>The DbContext these migrations belong to.</summary>
    public Type ContextType { get; }

    /// <summary>Where the migrations stand.</summary>
    public MigrationOutcomeStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>The run's result (applied migrations, failed migration, error, duration); null until a run ended, and when disabled.</summary>
    public MigrationRunResult? Result
    {
        get
        {
            lock (_gate)
            {
                return _result;
            }
        }
    }

    /// <summary>Why the migrations did not complete, or why they are off; null when they applied or were up to date.</summary>
    public string? Reason
    {
        get
        {
            lock (_gate)
            {
                return _reason;
            }
        }
    }

    /// <summary>True when this instance knows the database is at the latest migration (<see cref="MigrationOutcomeStatus.Applied"/> or <see cref="MigrationOutcomeStatus.UpToDate"/>).</summary>
    public bool IsSchemaCurrent => Status is MigrationOutcomeStatus.Applied or MigrationOutcomeStatus.UpToDate;

    /// <summary>True when the migrations ended in a way that calls for attention: failed, unreachable, timed out, lock timeout.</summary>
    public bool IsFailure => Status is MigrationOutcomeStatus.Failed or MigrationOutcomeStatus.Unreachable
        or MigrationOutcomeStatus.TimedOut or MigrationOutcomeStatus.LockTimeout;

    /// <summary>Completes when the run ended (or was found disabled).</summary>
    public Task<MigrationOutcome> Completion => _completion.Task;

    /// <summary>One line for people: <c>AppDbContext: applied 2 migration(s)</c>, <c>AppDbContext: failed: …</c>.</summary>
    public override string ToString()
    {
        MigrationOutcomeStatus current;
        MigrationRunResult? run;
        string? why;
        lock (_gate)
        {
            current = _status;
            run = _result;
            why = _reason;
        }

        var text = current switch
        {
            MigrationOutcomeStatus.NotStarted => "not started",
            MigrationOutcomeStatus.Running => "running",
            MigrationOutcomeStatus.Disabled => "disabled",
            MigrationOutcomeStatus.Applied => $"applied {run?.Applied.Count ?? 0} migration(s)",
            MigrationOutcomeStatus.UpToDate => "up to date",
            MigrationOutcomeStatus.SkippedLocked => "skipped: another instance held the migration lock",
            MigrationOutcomeStatus.LockTimeout => "lock timeout",
            MigrationOutcomeStatus.Failed => "failed",
            MigrationOutcomeStatus.Unreachable => "database unreachable",
            MigrationOutcomeStatus.TimedOut => "timed out",
            _ => current.ToString(),
        };
        return why is null || current == MigrationOutcomeStatus.SkippedLocked
            ? $"{ContextType.Name}: {text}"
            : $"{ContextType.Name}: {text}: {why}";
    }

    internal void SetRunning()
    {
        lock (_gate)
        {
            _status = MigrationOutcomeStatus.Running;
        }
    }

    internal void SetDisabled(string why)
    {
        lock (_gate)
        {
            _status = MigrationOutcomeStatus.Disabled;
            _reason = why;
        }

        _completion.TrySetResult(this);
    }

    internal void SetResult(MigrationRunResult run)
    {
        lock (_gate)
        {
            _result = run;
            _status = run.Status switch
            {
                MigrationRunStatus.Applied => MigrationOutcomeStatus.Applied,
                MigrationRunStatus.UpToDate => MigrationOutcomeStatus.UpToDate,
                MigrationRunStatus.SkippedLocked => MigrationOutcomeStatus.SkippedLocked,
                MigrationRunStatus.LockTimeout => MigrationOutcomeStatus.LockTimeout,
                MigrationRunStatus.Unreachable => MigrationOutcomeStatus.Unreachable,
                MigrationRunStatus.TimedOut => MigrationOutcomeStatus.TimedOut,
                _ => MigrationOutcomeStatus.Failed,
            };
            _reason = run.Status == MigrationRunStatus.SkippedLocked
                ? "another instance held the migration lock"
                : run.Error;
        }

        _completion.TrySetResult(this);
    }
}

/// <summary>The outcome of the start-up migrations of <typeparamref name="TContext"/>.</summary>
public sealed class MigrationOutcome<TContext> : MigrationOutcome
    where TContext : DbContext
{
    /// <summary>Created by <c>AddCognovaMigrations&lt;TContext&gt;</c>.</summary>
    public MigrationOutcome()
        : base(typeof(TContext))
    {
    }
}
