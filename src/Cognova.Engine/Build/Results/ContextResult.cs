using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lock;

namespace Cognova.Engine.Build.Results;

/// <summary>
/// One DbContext's check: the model's differences from its snapshot, its migrations with their findings,
/// the lock file's problems, and the diagnostics they gave (also in <see cref="CheckResult.Diagnostics"/>).
/// </summary>
/// <param name="Assembly">The assembly that declares the DbContext (a class library in a layered solution).</param>
/// <param name="HistoryTable">Where EF Core records applied migrations: the migrations history table and its schema.</param>
/// <param name="LockFile">The lock file of its migrations; null when neither the rules nor the lock were checked.</param>
/// <param name="Drift">The model differences in plain words; empty when the model matches its snapshot.</param>
public sealed record ContextResult(
    string Name,
    string FullName,
    string? Assembly,
    string HistoryTable,
    string? HistorySchema,
    string? LockFile,
    IReadOnlyList<string> Drift,
    IReadOnlyList<MigrationResult> Migrations,
    IReadOnlyList<LockProblem> LockProblems,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public const string DefaultHistoryTable = "__EFMigrationsHistory";
}
