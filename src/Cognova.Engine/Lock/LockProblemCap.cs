using System.Globalization;

namespace Cognova.Engine.Lock;

/// <summary>
/// Keeps a damaged lock file from flooding the output: the first <see cref="PerCode"/> problems of each
/// code are shown, the rest of that code become one summary ("… and 199,980 more COG3002 in this lock file").
/// </summary>
public static class LockProblemCap
{
    public const int PerCode = 20;

    public static (IReadOnlyList<LockProblem> Shown, IReadOnlyList<LockProblem> Summaries) Apply(IEnumerable<LockProblem> problems, int perCode = PerCode)
    {
        var shown = new List<LockProblem>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var problem in problems)
        {
            counts.TryGetValue(problem.Code, out var count);
            if (count == 0)
            {
                order.Add(problem.Code);
            }

            counts[problem.Code] = count + 1;
            if (count < perCode)
            {
                shown.Add(problem);
            }
        }

        var summaries = order
            .Where(code => counts[code] > perCode)
            .Select(code => new LockProblem(code, Summary(code, counts[code] - perCode)))
            .ToList();
        return (shown, summaries);
    }

    /// <summary>The problems as text lines, one per shown problem and one per summary.</summary>
    public static IEnumerable<string> Lines(IEnumerable<LockProblem> problems, string indent = "  ")
    {
        var (shown, summaries) = Apply(problems);
        return shown.Concat(summaries).Select(p => $"{indent}{p.Code}: {p.Message}");
    }

    private static string Summary(string code, int more)
        => $"… and {more.ToString("#,0", CultureInfo.InvariantCulture)} more {code} in this lock file (the first {PerCode} are shown).";
}
