using Cognova.Secrets;

namespace Cognova.Build.Tests.Secrets;

/// <summary>
/// The password corpus × every secret keyword spelling × key=value and URL forms × free text: no password,
/// and no piece of one, survives masking; host, database and user name do.
/// </summary>
public sealed class SecretMaskerCorpusTests
{
    private static string Mask(string text) => SecretMasker.MaskText(text);

    [Fact]
    public void No_password_survives_in_key_value_connection_strings_or_in_text_that_quotes_them()
    {
        var failures = new List<string>();
        var cases = 0;
        foreach (var password in PasswordCorpus.Passwords())
        {
            foreach (var keyword in PasswordCorpus.SecretKeywords)
            {
                foreach (var (connectionString, surrounding) in PasswordCorpus.ConnectionStrings(keyword, password))
                {
                    foreach (var (text, around) in PasswordCorpus.InFreeText(connectionString).Zip(PasswordCorpus.InFreeText(surrounding)))
                    {
                        cases++;
                        Check(text, password, around, failures);
                    }
                }
            }
        }

        Assert.True(cases > 10_000, $"only {cases} cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases leak, e.g.:\n" + string.Join("\n", failures.Take(15)));
    }

    [Fact]
    public void No_password_survives_in_urls_or_in_text_that_quotes_them()
    {
        var failures = new List<string>();
        var cases = 0;
        foreach (var password in PasswordCorpus.Passwords())
        {
            foreach (var (url, surrounding) in PasswordCorpus.Urls(password))
            {
                foreach (var (text, around) in PasswordCorpus.InFreeText(url).Zip(PasswordCorpus.InFreeText(surrounding)))
                {
                    cases++;
                    Check(text, password, around, failures);
                    Check(text, Uri.EscapeDataString(password), around, failures);
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases leak, e.g.:\n" + string.Join("\n", failures.Take(15)));
    }

    private static void Check(string text, string password, string surrounding, List<string> failures)
    {
        var masked = Mask(text);
        if (PasswordCorpus.Leak(password, masked, surrounding) is { } leak)
        {
            failures.Add($"[{password}] leaks [{leak}]: {text.ReplaceLineEndings("⏎")}  →  {masked.ReplaceLineEndings("⏎")}");
            return;
        }

        foreach (var kept in new[] { PasswordCorpus.Host, PasswordCorpus.Database })
        {
            if (!masked.Contains(kept, StringComparison.Ordinal))
            {
                failures.Add($"[{password}] lost '{kept}': {text.ReplaceLineEndings("⏎")}  →  {masked.ReplaceLineEndings("⏎")}");
                return;
            }
        }
    }
}
