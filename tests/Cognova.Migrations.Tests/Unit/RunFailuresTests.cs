using System.Net.Sockets;
using Cognova.Migrations.Internal;
using Npgsql;

namespace Cognova.Migrations.Tests.Unit;

/// <summary>How an exception that reached the runner becomes a status and a message: no database.</summary>
[Trait("Category", "Unit")]
public sealed class RunFailuresTests
{
    private const string Database = "db.example:5432/shop";
    private const string Migration = "20260101000002_CreateTags";

    private static readonly NpgsqlException Refused = new("Failed to connect to 10.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public void Anything_that_stops_the_connection_means_unreachable()
    {
        var failure = Classify(new InvalidOperationException("the server closed the connection"), State(RunPhase.Connecting));

        Assert.Equal(MigrationRunStatus.Unreachable, failure.Status);
        Assert.Null(failure.FailedMigration);
        Assert.Equal("the server closed the connection", failure.Error);
    }

    [Fact]
    public void The_time_limit_while_connecting_is_a_time_out_only_when_it_cancelled_the_connection()
    {
        var cancelled = Classify(new OperationCanceledException(), State(RunPhase.Connecting) with { TimedOut = true });
        var failedFirst = Classify(new NpgsqlException("connect failed", new OperationCanceledException()), State(RunPhase.Connecting) with { TimedOut = true });

        Assert.Equal(MigrationRunStatus.TimedOut, cancelled.Status);
        Assert.Equal($"Migrating {Database} timed out after 5 s while connecting; the running migration was rolled back.", cancelled.Error);
        Assert.Equal(MigrationRunStatus.Unreachable, failedFirst.Status);
    }

    [Theory]
    [InlineData(nameof(RunPhase.Locking), null, "while waiting for the migration lock")]
    [InlineData(nameof(RunPhase.Planning), null, "while reading the migration history")]
    [InlineData(nameof(RunPhase.Migrating), Migration, "during migration " + Migration)]
    [InlineData(nameof(RunPhase.Migrating), null, "while migrating")]
    public void The_time_limit_says_where_the_run_was(string phase, string? running, string where)
    {
        var canceled = new PostgresException("canceling statement due to user request", "ERROR", "ERROR", PostgresErrorCodes.QueryCanceled);
        var failure = Classify(new InvalidOperationException("An exception was thrown", canceled), State(Enum.Parse<RunPhase>(phase)) with { TimedOut = true, Running = running });

        Assert.Equal(MigrationRunStatus.TimedOut, failure.Status);
        Assert.Equal(running, failure.FailedMigration);
        Assert.Equal(where, failure.Where);
        Assert.Equal($"Migrating {Database} timed out after 5 s {where}; the running migration was rolled back.", failure.Error);
    }

    [Fact]
    public void An_error_that_is_no_cancellation_is_no_time_out_even_after_the_limit_passed()
    {
        var failure = Classify(SqlError("42P07", "relation \"tags\" already exists"), State(RunPhase.Migrating) with { TimedOut = true, Running = Migration });

        Assert.Equal(MigrationRunStatus.Failed, failure.Status);
    }

    [Theory]
    [InlineData(nameof(RunPhase.Locking))]
    [InlineData(nameof(RunPhase.Planning))]
    public void A_lost_connection_before_migrating_means_unreachable(string phase)
    {
        var failure = Classify(Refused, State(Enum.Parse<RunPhase>(phase)));

        Assert.Equal(MigrationRunStatus.Unreachable, failure.Status);
        Assert.Null(failure.FailedMigration);
    }

    [Fact]
    public void A_failing_migration_is_named_in_the_error_and_the_reason_is_the_database_message()
    {
        var failure = Classify(SqlError("42P07", "relation \"tags\" already exists"), State(RunPhase.Migrating) with { Running = Migration });

        Assert.Equal(MigrationRunStatus.Failed, failure.Status);
        Assert.Equal(Migration, failure.FailedMigration);
        Assert.Equal($"Migration {Migration} failed: 42P07: relation \"tags\" already exists", failure.Error);
        Assert.Equal("42P07: relation \"tags\" already exists", failure.Reason);
    }

    [Fact]
    public void A_lost_connection_while_migrating_fails_the_running_migration()
    {
        var failure = Classify(Refused, State(RunPhase.Migrating) with { Running = Migration });

        Assert.Equal(MigrationRunStatus.Failed, failure.Status);
        Assert.Equal(Migration, failure.FailedMigration);
    }

    [Fact]
    public void A_session_that_ended_under_the_lock_is_said_so_instead_of_a_cancellation()
    {
        var failure = Classify(new OperationCanceledException(), State(RunPhase.Migrating) with { SessionLost = true, Running = Migration });

        Assert.Equal(MigrationRunStatus.Failed, failure.Status);
        Assert.Equal($"Migration {Migration} failed: {RunFailures.SessionEnded}", failure.Error);
    }

    [Fact]
    public void A_failure_after_the_running_migration_committed_fails_the_run_not_the_migration()
    {
        var state = State(RunPhase.Migrating) with { Running = Migration, RunningCommitted = true, LastGood = Migration };

        var failure = Classify(new InvalidOperationException("seeding failed"), state);

        Assert.Equal(MigrationRunStatus.Failed, failure.Status);
        Assert.Null(failure.FailedMigration);
        Assert.Equal($"After migration {Migration}: seeding failed", failure.Error);
    }

    [Fact]
    public void A_failure_with_no_migration_running_fails_the_run()
    {
        var failure = Classify(SqlError("42501", "permission denied for schema public"), State(RunPhase.Planning));

        Assert.Equal(MigrationRunStatus.Failed, failure.Status);
        Assert.Null(failure.FailedMigration);
        Assert.Equal("42501: permission denied for schema public", failure.Error);
    }

    [Fact]
    public void Passwords_in_exception_messages_are_masked()
    {
        var failure = Classify(new InvalidOperationException("bad Password=unit-classifier-secret"), State(RunPhase.Planning));

        Assert.DoesNotContain("unit-classifier-secret", failure.Error);
    }

    private static RunFailure Classify(Exception exception, RunState state) => RunFailures.Classify(exception, state, "5 s");

    private static RunState State(RunPhase phase)
        => new(Database, phase, TimedOut: false, SessionLost: false, Running: null, RunningCommitted: false, LastGood: MigrationPlan.None);

    private static PostgresException SqlError(string sqlState, string message) => new(message, "ERROR", "ERROR", sqlState);
}
