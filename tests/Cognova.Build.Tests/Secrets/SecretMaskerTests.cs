using System.ComponentModel;
using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using Cognova.Secrets;
using Npgsql;

namespace Cognova.Build.Tests.Secrets;

/// <summary>The masker against Npgsql's own builder: its keywords, its grammar, its error messages.</summary>
public sealed class SecretMaskerTests
{
    [Fact]
    public void Every_keyword_Npgsql_reads_a_secret_from_is_known_and_no_other()
    {
        var secret = new List<string>();
        var other = new List<string>();
        foreach (var property in typeof(NpgsqlConnectionStringBuilder).GetProperties())
        {
            var keywordAttribute = property.GetCustomAttributes(true).FirstOrDefault(a => a.GetType().Name == "NpgsqlConnectionStringPropertyAttribute");
            if (keywordAttribute is null)
            {
                continue;
            }

            var synonyms = (string[])keywordAttribute.GetType().GetProperty("Synonyms")!.GetValue(keywordAttribute)!;
            var keywords = synonyms.Append(property.Name).Append(property.GetCustomAttribute<DisplayNameAttribute>()!.DisplayName);
            var isSecret = property.GetCustomAttribute<PasswordPropertyTextAttribute>()?.Password == true
                           || property.Name.Contains("Password", StringComparison.OrdinalIgnoreCase);
            (isSecret ? secret : other).AddRange(keywords);
        }

        Assert.Contains("PSW", secret);
        Assert.Contains("SSL Password", secret);
        Assert.All(secret, keyword =>
        {
            Assert.True(SecretMasker.IsSecretKeyword(keyword), keyword);
            Assert.True(SecretMasker.IsSecretKeyword(keyword.ToUpperInvariant()), keyword);
            Assert.True(SecretMasker.IsSecretKeyword(keyword.ToLowerInvariant()), keyword);
        });
        Assert.True(other.Count > 40, string.Join(", ", other));
        Assert.All(other, keyword => Assert.False(SecretMasker.IsSecretKeyword(keyword), keyword));
    }

    [Fact]
    public void The_grammar_reads_every_corpus_connection_string_as_Npgsql_does()
    {
        foreach (var password in PasswordCorpus.Passwords(40))
        {
            foreach (var keyword in PasswordCorpus.SecretKeywords)
            {
                foreach (var (connectionString, _) in PasswordCorpus.ConnectionStrings(keyword, password))
                {
                    var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
                    Assert.True(SecretMasker.TryReadPairs(connectionString, out var pairs), connectionString);
                    var secrets = pairs.Where(p => SecretMasker.IsSecretKeyword(p.Key)).Select(p => p.Value).ToList();
                    Assert.Equal(npgsql.Password ?? npgsql.SslPassword, Assert.Single(secrets));
                    Assert.Equal(npgsql.Host, pairs.Single(p => p.Key == "Host").Value);
                }
            }
        }
    }

    [Theory]
    [InlineData("Host=h;Password='unclosed")]
    [InlineData("Host=h;Password=ends'")]
    [InlineData("Host=h;Password='a' b")]
    [InlineData("Host=h;=x")]
    [InlineData("Host=h;NoValue")]
    [InlineData("Host=h;Pass==word=x;Database=d")]
    [InlineData("  Host = h ; PWD = a b ;; Database=\"d\"\"x\" ;")]
    [InlineData("Host=h;Password=ab;cd;Database=x")]
    public void The_grammar_accepts_and_rejects_what_DbConnectionStringBuilder_does(string connectionString)
    {
        bool accepted;
        var expected = new Dictionary<string, string>();
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (string key in builder.Keys)
            {
                expected[key] = (string)builder[key];
            }

            accepted = true;
        }
        catch (ArgumentException)
        {
            accepted = false;
        }

        Assert.Equal(accepted, SecretMasker.TryReadPairs(connectionString, out var pairs));
        if (accepted)
        {
            Assert.Equal(expected, pairs.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value));
        }
    }

    [Fact]
    public void Npgsqls_message_about_the_piece_after_an_unquoted_semicolon_is_masked()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new NpgsqlConnectionStringBuilder("Host=h;Password=first;SecondHalf;Database=x"));

        var masked = SecretMasker.MaskText(error.ToString());

        Assert.Contains("SecondHalf", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SecondHalf", masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("first", SecretMasker.MaskText("Host=h;Password=first;SecondHalf;Database=x"));
        Assert.DoesNotContain("SecondHalf", SecretMasker.MaskText("Host=h;Password=first;SecondHalf;Database=x"));
        Assert.DoesNotContain("SecondHalf", SecretMasker.MaskConnectionString("Host=h;Password=first;SecondHalf;Database=x"));
        Assert.Contains("Database=x", SecretMasker.MaskText("Host=h;Password=first;SecondHalf;Database=x"));
    }

    [Fact]
    public void A_whole_connection_string_keeps_every_other_key_as_written()
    {
        Assert.Equal(
            "Host=db;Username=app;PSW=***;SSL Password=***;Database=shop",
            SecretMasker.MaskConnectionString("Host=db;Username=app;PSW='it''s';SSL Password=\"a\"\"b'c\";Database=shop"));
        Assert.Equal(
            "postgresql://app:***@db:5432/shop?sslmode=require&sslpassword=***",
            SecretMasker.MaskConnectionString("postgresql://app:p%40ss@w0rd@db:5432/shop?sslmode=require&sslpassword=k%3Dy"));
        Assert.Equal("postgres://app@db/shop", SecretMasker.MaskConnectionString("postgres://app@db/shop"));
    }

    [Fact]
    public void Our_own_examples_stay_readable()
    {
        const string message = "DATABASE_URL is not a valid connection string or postgres:// URL. Expected e.g. postgres://user:password@host:5432/database or "
                               + "Host=host;Database=database;Username=user;Password=password. Quote a value that holds ';': "
                               + "Password='...' or Password=\"...\"; a quote inside is doubled.";

        Assert.Equal(message, SecretMasker.MaskText(message));
    }

    [Fact]
    public void A_registered_secret_is_hidden_in_every_form_it_is_echoed_in()
    {
        const string secret = "r3gistered's \"only\" ü+&secret";
        SecretMasker.RegisterConnectionString("Host=h;Username=u;Password='" + secret.Replace("'", "''", StringComparison.Ordinal) + "'");
        var forms = new[]
        {
            secret,
            Uri.EscapeDataString(secret),
            secret.Replace("'", "''", StringComparison.Ordinal),
            secret.Replace("\"", "\"\"", StringComparison.Ordinal),
            JsonSerializer.Serialize(secret),
            JsonSerializer.Serialize(new { error = "echo " + secret }),
        };

        foreach (var form in forms)
        {
            var masked = SecretMasker.MaskText("the app said: " + form + " (no key, no URL)");
            Assert.DoesNotContain("r3gistered", masked);
            Assert.DoesNotContain("secret", masked);
        }
    }

    [Fact]
    public void Secrets_registered_from_an_unreadable_connection_string_are_hidden_in_pieces_too()
    {
        SecretMasker.RegisterConnectionString("Host=h;Password=unre4dable;Piec3sAfter;Database=x");

        var masked = SecretMasker.MaskText("odd echo: Piec3sAfter and unre4dable");

        Assert.DoesNotContain("Piec3sAfter", masked);
        Assert.DoesNotContain("unre4dable", masked);
    }

    [Fact]
    public void A_password_equal_to_the_user_name_does_not_garble_other_output()
    {
        SecretMasker.RegisterConnectionString("Host=h;Username=postgres;Password=postgres;Database=x");

        Assert.Equal("postgres://postgres:***@h/x", SecretMasker.MaskText("postgres://postgres:postgres@h/x"));
    }

    [Fact]
    public void The_masking_writer_masks_a_key_and_its_value_written_in_separate_calls()
    {
        var inner = new StringWriter();
        using (var writer = new MaskingTextWriter(inner))
        {
            writer.Write("Host=h;Pass");
            writer.Write("word=hun");
            writer.Write("ter2;Database=x\nnext ");
            writer.WriteLine("line");
            writer.Write("partial PWD=tail");
        }

        Assert.DoesNotContain("hunter2", inner.ToString());
        Assert.DoesNotContain("tail", inner.ToString());
        Assert.Contains("Database=x", inner.ToString());
        Assert.Contains("next line", inner.ToString());
    }
}
