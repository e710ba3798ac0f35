using Cognova.Protocol;

namespace Cognova.Build.Tasks.Tests;

public sealed class HostOutputParserTests
{
    private readonly List<HostDiagnostic> _diagnostics = [];
    private readonly List<string> _progress = [];
    private readonly List<string> _other = [];

    [Theory]
    [InlineData("/src/M.cs", 14, 13)]
    [InlineData("/src/M.cs", 14, 0)]
    [InlineData("/src/App.csproj", 0, 0)]
    public void Reads_the_lines_the_protocol_writes(string file, int line, int column)
    {
        // The engine's DiagnosticWriter and HostLog write with these same protocol functions (src/Shared/Protocol).
        var output = new StringWriter();
        output.WriteLine(EngineOutput.DiagnosticLine(file, line, column, "warning", "COG2102", "drops column products.price"));
        output.WriteLine(EngineOutput.ContinuationPrefix + "Safer: stop using it first.");
        output.WriteLine(EngineOutput.ProgressPrefix + "diff: 12 ms");
        var parser = Parser();

        foreach (var written in output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries))
        {
            parser.Read(written);
        }

        parser.Flush();

        var diagnostic = Assert.Single(_diagnostics);
        Assert.Equal((file, line, column, "warning", "COG2102"), (diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.Severity, diagnostic.Code));
        Assert.Equal("drops column products.price\nSafer: stop using it first.", diagnostic.Message);
        Assert.Equal(["diff: 12 ms"], _progress);
        Assert.Empty(_other);
    }

    [Fact]
    public void Joins_continuation_lines_to_their_diagnostic()
    {
        var parser = Parser();

        parser.Read("/src/Snapshot.cs(14,13): error COG1001: AppDbContext: 2 changes");
        parser.Read("    - column tags.a: added");
        parser.Read("    - table b: removed");
        parser.Read("cognova: diff: 12 ms");
        parser.Flush();

        var diagnostic = Assert.Single(_diagnostics);
        Assert.Equal(("/src/Snapshot.cs", 14, 13, "error", "COG1001"), (diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.Severity, diagnostic.Code));
        Assert.Equal("AppDbContext: 2 changes\n- column tags.a: added\n- table b: removed", diagnostic.Message);
        Assert.Equal(["diff: 12 ms"], _progress);
    }

    [Fact]
    public void The_summary_of_capped_lock_problems_is_a_diagnostic_like_the_ones_it_counts()
    {
        var parser = Parser();

        parser.Read("/p/Migrations/migrations.lock.json: error COG3002: Migration M19 is in the lock file but no longer exists.");
        parser.Read("/p/Migrations/migrations.lock.json: error COG3002: … and 199,980 more COG3002 in this lock file (the first 20 are shown).");
        parser.Flush();

        Assert.Equal(2, _diagnostics.Count);
        Assert.Equal(("error", "COG3002", "/p/Migrations/migrations.lock.json"), (_diagnostics[1].Severity, _diagnostics[1].Code, _diagnostics[1].File));
        Assert.StartsWith("… and 199,980 more COG3002", _diagnostics[1].Message);
    }

    [Fact]
    public void Reads_diagnostics_without_line_and_other_output()
    {
        var parser = Parser();

        parser.Read("/p/App.csproj: warning COG0005: bad value");
        parser.Read("/p/App.csproj(7): info COG0004: nothing to check");
        parser.Read("something the app printed");
        parser.Flush();

        Assert.Equal([("warning", 0), ("info", 7)], _diagnostics.Select(d => (d.Severity, d.Line)));
        Assert.Equal(["something the app printed"], _other);
    }

    [Fact]
    public void Indented_lines_without_a_diagnostic_before_them_are_plain_output()
    {
        var parser = Parser();

        parser.Read("    indented");
        parser.Flush();

        Assert.Empty(_diagnostics);
        Assert.Equal(["    indented"], _other);
    }

    private HostOutputParser Parser() => new(_diagnostics.Add, _progress.Add, _other.Add);
}
