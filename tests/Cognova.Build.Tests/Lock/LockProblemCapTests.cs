using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lock;

namespace Cognova.Build.Tests.Lock;

public sealed class LockProblemCapTests
{
    [Fact]
    public void Repeated_problems_of_one_code_are_cut_to_twenty_and_one_summary()
    {
        var problems = Enumerable.Range(0, 200_000)
            .Select(i => new LockProblem(DiagnosticCodes.LockedMigrationMissing, $"Migration M{i} is in the lock file but no longer exists."))
            .Append(new LockProblem(DiagnosticCodes.LockOrderMismatch, "order"))
            .ToList();

        var (shown, summaries) = LockProblemCap.Apply(problems);

        Assert.Equal(21, shown.Count);
        Assert.Equal("Migration M19 is in the lock file but no longer exists.", shown[19].Message);
        var summary = Assert.Single(summaries);
        Assert.Equal(DiagnosticCodes.LockedMigrationMissing, summary.Code);
        Assert.StartsWith("… and 199,980 more COG3002 in this lock file", summary.Message);
    }

    [Fact]
    public void A_few_problems_are_all_shown_without_a_summary()
    {
        var problems = Enumerable.Range(0, 20).Select(i => new LockProblem(DiagnosticCodes.LockedMigrationEdited, $"m{i}")).ToList();

        var (shown, summaries) = LockProblemCap.Apply(problems);

        Assert.Equal(20, shown.Count);
        Assert.Empty(summaries);
    }
}
