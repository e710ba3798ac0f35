using Cognova.Engine.Diagnostics;

namespace Cognova.Build.Tests.Diagnostics;

public sealed class DiagnosticWriterTests
{
    [Fact]
    public void Writes_the_canonical_form_with_indented_detail_lines()
    {
        var output = new StringWriter();
        var writer = new DiagnosticWriter(output);

        writer.Write(new Diagnostic("COG1001", DiagnosticSeverity.Error, "summary\n- first\n- second", "/src/A.cs", 14, 13));

        Assert.Equal(
            "/src/A.cs(14,13): error COG1001: summary" + Environment.NewLine
            + "    - first" + Environment.NewLine
            + "    - second" + Environment.NewLine,
            output.ToString());
        Assert.Equal(1, writer.ErrorCount);
    }

    [Theory]
    [InlineData(DiagnosticSeverity.Warning, 0, 0, "/p.csproj: warning COG0005: text")]
    [InlineData(DiagnosticSeverity.Info, 3, 0, "/p.csproj(3): info COG0005: text")]
    public void Omits_what_is_not_known(DiagnosticSeverity severity, int line, int column, string expected)
    {
        var output = new StringWriter();

        new DiagnosticWriter(output).Write(new Diagnostic("COG0005", severity, "text", "/p.csproj", line, column));

        Assert.Equal(expected + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void Severity_none_writes_nothing_and_counts_nothing()
    {
        var output = new StringWriter();
        var writer = new DiagnosticWriter(output);

        writer.Write(new Diagnostic("COG1001", DiagnosticSeverity.None, "text"));

        Assert.Equal("", output.ToString());
        Assert.Equal(0, writer.ErrorCount + writer.WarningCount);
    }
}
