using Cognova.Engine.Diagnostics;
using Cognova.Secrets;

namespace Cognova.Build.Tests.Diagnostics;

public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("Host=db;Username=app;Password=s3cr3t;Database=x", "Host=db;Username=app;Password=***;Database=x")]
    [InlineData("host=db; pwd = 'a b;c' ; database=x", "host=db; pwd = *** ; database=x")]
    [InlineData("failed: postgres://app:s3cr3t@db:5432/shop?sslmode=require", "failed: postgres://app:***@db:5432/shop?sslmode=require")]
    [InlineData("PASSWORD=hunter2", "PASSWORD=***")]
    public void Masks_passwords_in_connection_strings_and_urls(string text, string expected)
        => Assert.Equal(expected, SecretMasker.MaskText(text));

    [Fact]
    public void Leaves_text_without_secrets_alone()
    {
        const string text = "column users.password_hash: added (text, not null); see https://example.test/docs";

        Assert.Equal(text, SecretMasker.MaskText(text));
    }

    [Fact]
    public void Diagnostics_never_carry_a_password()
    {
        var output = new StringWriter();

        new DiagnosticWriter(output).Write(new Diagnostic("COG0003", DiagnosticSeverity.Error, "Could not create AppDbContext: bad Host=x;Password=topsecret"));

        Assert.DoesNotContain("topsecret", output.ToString());
    }

    [Fact]
    public void The_diagnostics_kept_for_the_reports_carry_no_password_either()
    {
        var writer = new DiagnosticWriter(new StringWriter());

        writer.Write(new Diagnostic("COG0003", DiagnosticSeverity.Error, "Could not create AppDbContext: bad Host=x;PSW='top''secret'"));

        Assert.DoesNotContain("secret", Assert.Single(writer.Written).Message);
    }
}
