namespace Cognova.Engine.Tool.Push;

/// <summary>
/// <c>push</c> is for development databases. A database whose name or host has a word that says
/// production — <c>prod</c>, <c>production</c>, <c>prd</c> or <c>live</c>, as a whole word between
/// dots, dashes, underscores or digits (<c>shop_prod</c>, <c>db.production.internal</c>, <c>live-db</c>;
/// not <c>products</c>) — is refused unless <c>--allow-production</c> says it is meant.
/// </summary>
public static class ProductionGuard
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase) { "prod", "production", "prd", "live" };

    /// <returns>The word and where it was found, or null when nothing looks like production.</returns>
    public static string? Reason(string? host, string? database)
    {
        foreach (var (what, value) in new[] { ("database name", database), ("host", host) })
        {
            var word = WordsOf(value).FirstOrDefault(Words.Contains);
            if (word is not null)
            {
                return $"its {what} '{value}' contains '{word}'";
            }
        }

        return null;
    }

    private static IEnumerable<string> WordsOf(string? value)
        => (value ?? "").Split(['.', '-', '_', ' ', ':', '/', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], StringSplitOptions.RemoveEmptyEntries);
}
