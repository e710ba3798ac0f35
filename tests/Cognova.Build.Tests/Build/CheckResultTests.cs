using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;

namespace Cognova.Build.Tests.Build;

public sealed class CheckResultTests
{
    [Fact]
    public void Diagnostics_added_to_a_result_are_masked_and_follow_its_own_and_none_is_dropped()
    {
        var first = new Diagnostic("COG1001", DiagnosticSeverity.Error, "drift", "/m/Snapshot.cs");
        var result = CheckResult.Empty with { Diagnostics = [first] };

        var after = result.WithDiagnostics(
        [
            new Diagnostic("COG0003", DiagnosticSeverity.Error, "Could not create AppDbContext: Host=db;Password=topsecret"),
            new Diagnostic("COG2301", DiagnosticSeverity.None, "dropped"),
        ]);

        Assert.Single(result.Diagnostics);
        Assert.Equal(2, after.Diagnostics.Count);
        Assert.Same(first, after.Diagnostics[0]);
        Assert.DoesNotContain("topsecret", after.Diagnostics[1].Message);
        Assert.Equal(2, after.ErrorCount);
    }

    [Fact]
    public void The_lines_show_a_masked_message_as_the_result_holds_it()
    {
        var result = CheckResult.Empty.WithDiagnostics(
            [new Diagnostic("COG0003", DiagnosticSeverity.Error, "Could not create AppDbContext: Host=db;Username=app;Password=topsecret;Database=shop", "/app/App.csproj")]);
        var output = new StringWriter();

        new DiagnosticWriter(output).Write(result);

        Assert.Equal($"/app/App.csproj: error COG0003: {result.Diagnostics[0].Message}{Environment.NewLine}", output.ToString());
        Assert.DoesNotContain("topsecret", output.ToString());
    }
}
