namespace Cognova.Engine.Lock;

/// <summary>An integrity problem between the lock file and the migrations; <see cref="MigrationId"/> when one migration is at fault.</summary>
public sealed record LockProblem(string Code, string Message, string? MigrationId = null);
